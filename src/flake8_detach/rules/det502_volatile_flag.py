"""DET502: the pre-0.4 `volatile=` flag, on a tensor a forward is then run on."""

from __future__ import annotations

import libcst as cst

from ..engine.facts import OUTPUT
from ._base import Breaks, Example, WalkRule


class VolatileFlag(WalkRule):
    code = "DET502"
    name = "volatile-flag"
    message = "volatile= does nothing since PyTorch 0.4: the forward it feeds records a graph"
    needs = ("volatile",)
    what = (
        "Flags `volatile=` in `Variable(x, volatile=True)`, and `x.volatile = True`, where the tensor "
        "(or one computed from it) is then given to a module or model outside `no_grad`; a flag "
        "set in each branch of an `if` is reported in each."
    )
    why = (
        "`volatile` was removed in PyTorch 0.4. The flag is ignored with a warning, so the forward it was "
        "meant to run without a graph (inference, evaluation, a target) records one: the output requires "
        "grad, the activations of the whole forward stay in memory as long as it lives, and a loss built "
        "on it sends gradients where the old code sent none. Use `with torch.no_grad():`. A volatile "
        "tensor that no module is run on is not reported, nor a forward whose output is cut at once "
        "(`model(v).data`, `model(v).cpu().detach()`: the graph dies with the expression)."
    )
    references = ("https://pytorch.org/blog/pytorch-0_4_0-migration-guide/",)
    examples = (
        Example(
            bad="""\
import torch
from torch import nn
from torch.autograd import Variable

model = nn.Linear(3, 2)
x = Variable(torch.ones(4, 3), volatile=True)  # expect: DET502
out = model(x)
""",
            good="""\
import torch
from torch import nn

model = nn.Linear(3, 2)
x = torch.ones(4, 3)
with torch.no_grad():
    out = model(x)
""",
            proof=Breaks("out.grad_fn is None and not out.requires_grad"),
        ),
    )

    def on_call(self, call) -> None:
        if self.ctx.grad_mode is not True or self.ctx.value(call).kind != OUTPUT:
            return  # not a forward, or one under no_grad
        if self._cut_at_once(call):
            return  # `model(v).data`: the recorded graph dies with the expression
        for arg in call.args:
            for flag in self.ctx.value(arg.value).volatile:
                self.report(flag)

    def _cut_at_once(self, call) -> bool:
        """Whether the output's graph is dropped in this expression: `.data` or `.detach()`
        of it, or of a chain of method calls on it (`model(v).cpu().data.numpy()`)."""
        node = call
        while True:
            parent = self.ctx.parent(node)
            if not isinstance(parent, cst.Attribute) or parent.value is not node:
                return False
            if parent.attr.value == "data":
                return True
            above = self.ctx.parent(parent)
            if not isinstance(above, cst.Call) or above.func is not parent:
                return False
            if parent.attr.value == "detach":
                return True
            node = above
