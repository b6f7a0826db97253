"""DET401: backward() on a value that is proven not to require grad."""

from __future__ import annotations

from ..engine.facts import PYTHON
from ._base import BACKWARD, Example, Raises, WalkRule
from ._prechecks import calls_backward


class BackwardWithoutGrad(WalkRule):
    code = "DET401"
    name = "backward-without-grad"
    message = "{call} on {tensor}, which does not require grad, raises RuntimeError"
    needs = (BACKWARD,)
    possible_in = staticmethod(calls_backward)
    raises = "RuntimeError"
    what = (
        "Flags `t.backward()`, `torch.autograd.backward(t)` and `torch.autograd.grad(t, ...)` "
        "where `t` is proven not to require grad: built only from constants and factories "
        "without `requires_grad=True`, from `.detach()` or `.data`, or computed under "
        "`torch.no_grad()`, `torch.inference_mode()` or `torch.set_grad_enabled(False)`."
    )
    why = (
        "A tensor that does not require grad has no graph to differentiate: `backward()` raises "
        "\"element 0 of tensors does not require grad and does not have a grad_fn\". Usually the "
        "loss was computed inside a `no_grad` block or detached by mistake."
    )
    references = ("https://pytorch.org/docs/stable/notes/autograd.html#locally-disabling-gradient-computation",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
with torch.no_grad():
    loss = (w * 2).sum()
loss.backward()  # expect: DET401
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
loss = (w * 2).sum()
loss.backward()
""",
            proof=Raises("RuntimeError", "element 0 of tensors does not require grad"),
        ),
        Example(
            bad="""\
import torch

z = torch.ones(1) + torch.ones(1)
z.backward()  # expect: DET401
""",
            good="""\
import torch

z = torch.ones(1, requires_grad=True) + torch.ones(1)
z.backward()
""",
            proof=Raises("RuntimeError", "does not require grad and does not have a grad_fn"),
        ),
    )

    def on_backward(self, call, tensor) -> None:
        value = self.ctx.value(tensor)
        if value.grad is False and value.kind != PYTHON:  # `None.backward()` is another error
            name = self.ctx.qualname(call.func)  # torch.autograd.grad / backward, under any alias
            called = f"autograd.{name.rpartition('.')[2]}()" if name else "backward()"
            self.report(call, call=called, tensor=self.ctx.text(tensor))
