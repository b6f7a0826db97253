"""DET407: backward() through a graph whose saved parameters an optimizer step changed."""

from __future__ import annotations

from ._base import BACKWARD, Example, Raises, WalkRule
from ._prechecks import calls_backward


class BackwardAfterStep(WalkRule):
    code = "DET407"
    name = "backward-after-step"
    message = "backward() through {tensor} needs weights {optimizer}.step() changed in place: RuntimeError"
    needs = (BACKWARD, r"\bstep\s*\(")
    possible_in = staticmethod(calls_backward)
    raises = "RuntimeError"
    what = (
        "Flags `backward()` (or `torch.autograd.grad`) through a value whose graph ran through a "
        "module (`D(x)`, `self.q1(s, a)`) before an optimizer holding that module's parameters "
        "stepped: `opt = torch.optim.Adam(D.parameters())` (also `chain(...)`, parameter "
        "groups, or `self.opt` built in a method of the same class), then `opt.step()` (or "
        "`scaler.step(opt)`) between building the value and the `backward()`.\n\n"
        "The usual shapes: a GAN's generator loss computed from the same discriminator output "
        "as the discriminator's loss, backwarded after the discriminator's step; an actor's loss "
        "through the critic, after the critic's step. A value computed after the step, or from "
        "a detached input (`D(fake.detach())`), is fine."
    )
    why = (
        "`optimizer.step()` writes the new parameter values in place. The graph built before it "
        "saved the old parameters for its backward pass (a linear layer saves its weight to "
        "compute the gradient of its input), so `backward()` finds them changed and raises "
        "\"one of the variables needed for gradient computation has been modified by an "
        "inplace operation\". Compute the second loss after the step, from a new forward pass, "
        "or backward both losses before stepping."
    )
    references = ("https://pytorch.org/docs/stable/notes/autograd.html#in-place-correctness-checks",)
    examples = (
        Example(
            bad="""\
import torch
import torch.nn as nn

G, D = nn.Linear(2, 2), nn.Linear(2, 1)
opt_d = torch.optim.SGD(D.parameters(), lr=0.1)
fake = G(torch.randn(4, 2))
out = D(fake)
d_loss = out.mean()
g_loss = -out.mean()
d_loss.backward(retain_graph=True)
opt_d.step()
g_loss.backward()  # expect: DET407
""",
            good="""\
import torch
import torch.nn as nn

G, D = nn.Linear(2, 2), nn.Linear(2, 1)
opt_d = torch.optim.SGD(D.parameters(), lr=0.1)
fake = G(torch.randn(4, 2))
d_loss = D(fake.detach()).mean()
d_loss.backward()
opt_d.step()
g_loss = -D(fake).mean()
g_loss.backward()
""",
            proof=Raises("RuntimeError", "modified by an inplace operation"),
        ),
    )

    def on_backward(self, call, tensor) -> None:
        value = self.ctx.value(tensor)
        if value.stale_by is not None and value.grad is not False and not value.freed:
            self.report(call, tensor=self.ctx.text(tensor), optimizer=value.stale_by)
