"""DET406: a second backward() through a graph an earlier one freed."""

from __future__ import annotations

import libcst as cst

from ..syntax.cst_syntax import retains_graph
from ._base import BACKWARD, Example, Raises, WalkRule
from ._prechecks import calls_backward
from ._loops import loop_body


class BackwardTwice(WalkRule):
    code = "DET406"
    name = "backward-twice"
    message = "backward() through {tensor} again raises RuntimeError: an earlier backward() freed its graph"
    needs = (BACKWARD,)
    possible_in = staticmethod(calls_backward)
    raises = "RuntimeError"
    what = (
        "Flags a second `backward()` through a graph that an earlier `backward()` without "
        "`retain_graph=True` already ran through: straight-line, or in a loop on a value built "
        "outside it. The graph must be known to hold saved tensors (products, powers, "
        "activations, model and loss outputs)."
    )
    why = (
        "`backward()` frees the tensors that the graph saved for it. A second pass through the "
        "same graph raises \"Trying to backward through the graph a second time\". Compute the "
        "loss anew for each backward pass, or pass `retain_graph=True` to the earlier call if the "
        "double pass is meant."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.Tensor.backward.html",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
loss = (w ** 2).sum()
loss.backward()
loss.backward()  # expect: DET406
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
loss = (w ** 2).sum()
loss.backward(retain_graph=True)
loss.backward()
""",
            proof=Raises("RuntimeError", "Trying to backward through the graph a second time"),
        ),
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
loss = (w ** 2).sum()
for step in range(2):
    loss.backward()  # expect: DET406
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
for step in range(2):
    loss = (w ** 2).sum()
    loss.backward()
""",
            proof=Raises("RuntimeError", "Trying to backward through the graph a second time"),
        ),
    )

    def on_backward(self, call, tensor) -> None:
        value = self.ctx.value(tensor)
        if not value.saves or value.grad is False:
            return
        if value.freed or self._repeats_in_loop(call, tensor):
            self.report(call, tensor=self.ctx.text(tensor))

    def _repeats_in_loop(self, call: cst.Call, tensor: cst.BaseExpression) -> bool:
        """The innermost loop runs this backward() again on a graph built before the loop."""
        loops = self.ctx.loops
        if not loops or not isinstance(tensor, cst.Name) or retains_graph(call):
            return False
        body = loop_body(loops[-1])
        return not body.bindings(tensor.value) and not body.exits
