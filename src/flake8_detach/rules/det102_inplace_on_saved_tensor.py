"""DET102: in-place writes into a tensor that an op saved for backward."""

from __future__ import annotations

from ..syntax.cst_syntax import viewed_name
from ._base import BACKWARD, INPLACE, Example, Raises, WalkRule
from ._prechecks import calls_backward


class InplaceOnSavedTensor(WalkRule):
    code = "DET102"
    name = "inplace-on-saved-tensor"
    message = "{op} on {target} overwrites a tensor saved for backward: backward() raises RuntimeError"
    needs = (BACKWARD, INPLACE)  # a finding needs a backward() to reach
    possible_in = staticmethod(calls_backward)
    raises = "RuntimeError"
    what = (
        "Flags in-place writes into a tensor that an earlier op saved for its backward pass, when "
        "a value computed from that op later reaches `backward()`: the output of "
        "`sigmoid`/`tanh`/`exp`/`softmax`/`log_softmax`/`relu`/`sqrt`/`rsqrt`/`reciprocal`, or an "
        "input of `*`, `/`, `@` or `**` whose other operand is known to require grad."
    )
    why = (
        "Autograd keeps the tensors that an op's derivative needs. An in-place write bumps the "
        "tensor's version counter, and `backward()` then refuses to use it: \"one of the variables "
        "needed for gradient computation has been modified by an inplace operation\". Use the "
        "out-of-place op (`y = y * 2` instead of `y.mul_(2)`)."
    )
    references = ("https://pytorch.org/docs/stable/notes/autograd.html#in-place-correctness-checks",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
y = torch.sigmoid(w)  # sigmoid saves its output for backward
y.mul_(2)  # expect: DET102
y.sum().backward()
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
y = torch.sigmoid(w)
y = y * 2
y.sum().backward()
""",
            proof=Raises("RuntimeError", "modified by an inplace operation"),
        ),
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
x = torch.ones(3)
z = x * w  # the gradient for w is x: mul saves x
x.add_(1)  # expect: DET102
z.sum().backward()
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
x = torch.ones(3)
z = x * w
x = x + 1
z.sum().backward()
""",
            proof=Raises("RuntimeError", "modified by an inplace operation"),
        ),
    )

    def on_inplace(self, target, site, op, source) -> None:
        name = viewed_name(target)
        if name is None or self.ctx.grad_mode is False:
            return
        violation = self.violation(site, op=op, target=self.ctx.text(target))
        for graph in self.ctx.names_whose_graph_saved(name):
            self.ctx.pend_on_name(graph, violation)
