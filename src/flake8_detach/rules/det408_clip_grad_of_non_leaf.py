"""DET408: clip_grad_norm_ / clip_grad_value_ given a loss or another non-leaf."""

from __future__ import annotations

from ..syntax.cst_syntax import first_arg
from ..engine.facts import LOSS
from ._base import Breaks, Example, WalkRule
from ._prechecks import calls_any

CLIPPERS = frozenset(("torch.nn.utils.clip_grad_norm_", "torch.nn.utils.clip_grad_value_", "torch.nn.utils.clip_grad_norm"))


class ClipGradOfNonLeaf(WalkRule):
    code = "DET408"
    name = "clip-grad-of-non-leaf"
    message = "{call}() of {tensor} clips nothing: a non-leaf has no .grad (pass model.parameters())"
    needs = (r"clip_grad",)
    what = (
        "Flags `torch.nn.utils.clip_grad_norm_(t, ...)` and `clip_grad_value_(t, ...)` where `t` "
        "is a loss (`backward()` ran on it, or a loss function made it) or another tensor proven "
        "not to be a leaf, instead of the parameters whose gradients should be clipped."
    )
    why = (
        "The clipping functions read the `.grad` of the tensors they are given. A non-leaf's "
        "`.grad` is None (reading it warns), so nothing is clipped and the function returns a "
        "norm of 0: the parameters' gradients stay as large as they were. Pass the parameters: "
        "`clip_grad_norm_(model.parameters(), max_norm)`."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.nn.utils.clip_grad_norm_.html",)
    examples = (
        Example(
            bad="""\
import torch

torch.manual_seed(0)
model = torch.nn.Linear(2, 1)
loss = model(torch.randn(4, 2)).pow(2).sum() * 100
loss.backward()
torch.nn.utils.clip_grad_norm_(loss, 0.1)  # expect: DET408
""",
            good="""\
import torch

torch.manual_seed(0)
model = torch.nn.Linear(2, 1)
loss = model(torch.randn(4, 2)).pow(2).sum() * 100
loss.backward()
torch.nn.utils.clip_grad_norm_(model.parameters(), 0.1)
""",
            proof=Breaks("torch.cat([p.grad.flatten() for p in model.parameters()]).norm().item() <= 0.1 + 1e-6"),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        return calls_any(scope, index, CLIPPERS)

    def on_call(self, call) -> None:
        name = self.ctx.qualname(call.func)
        if name not in CLIPPERS:
            return
        tensor = first_arg(call, "parameters")
        if tensor is None:
            return
        value = self.ctx.value(tensor)
        if value.kind == LOSS or value.grad and value.leaf is False:
            self.report(call, call=name.rpartition(".")[2], tensor=self.ctx.text(tensor))
