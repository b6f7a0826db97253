"""DET420: a training loop that backwards and steps on every pass and never resets gradients."""

from __future__ import annotations

from ..syntax.ast_syntax import short_code
from ._base import LOOP, Breaks, Example, FileRule
from ._gradient_cycle import Cycle


class GradientsNeverZeroed(FileRule):
    code = "DET420"
    name = "gradients-never-zeroed"
    message = "{backward} adds to .grad each pass and nothing in the loop zeroes it: steps apply summed gradients"
    needs = (r"\.\s*backward\s*\(", LOOP, r"\bstep\s*\(|\.\s*_?grad\b")
    what = (
        "Flags `backward()` in a loop whose passes also step the parameters (the `step()` of a "
        "torch optimizer built in the file, or of a name also `zero_grad()`-ed somewhere; a "
        "parameter moved in place by its own `.grad`, `p.data -= lr * p.grad`) when nothing in "
        "the loop resets gradients: no `zero_grad()` of anything, no write to a `.grad`, no call "
        "of the file's own functions that does either, within three calls. A loop that builds a "
        "module anew, hands the optimizer to code the file cannot see into, or calls something "
        "named like clearing (`reset`, `clear`, `zero`) is taken as resetting."
    )
    why = (
        "`backward()` adds into each parameter's `.grad`; nothing in PyTorch clears it between "
        "steps. Without `optimizer.zero_grad()` (or `model.zero_grad()`) in the loop, the "
        "second step applies the first batch's gradient again plus the second's, the hundredth "
        "the sum of a hundred: training diverges or crawls, and runs without an error. A "
        "`zero_grad()` only before the loop, or once per epoch around a loop that steps per "
        "batch, is the same bug. Reset the gradients in every pass, before `backward()`."
    )
    references = ("https://pytorch.org/tutorials/recipes/recipes/zeroing_out_gradients.html",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([w], lr=0.1)
optimizer.zero_grad()
for x in [torch.ones(1), torch.ones(1)]:
    loss = ((w - x) ** 2).sum()
    loss.backward()  # expect: DET420
    optimizer.step()
""",
            good="""\
import torch

w = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([w], lr=0.1)
for x in [torch.ones(1), torch.ones(1)]:
    optimizer.zero_grad()
    loss = ((w - x) ** 2).sum()
    loss.backward()
    optimizer.step()
""",
            # Two plain SGD steps towards 1 from 0: 0.2, then 0.2 + 0.1 * 2 * 0.8 = 0.36.
            proof=Breaks("abs(w.item() - 0.36) < 1e-6"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        return [(site, {"backward": short_code(site)}) for site in Cycle(index).backwards_never_zeroed()]
