"""DET431: the same value backward()-ed twice with nothing clearing gradients between."""

from __future__ import annotations

import libcst as cst

from ..syntax.cst_syntax import keyword_arg, method_name, walk
from ._base import BACKWARD, Breaks, Example, WalkRule
from ._prechecks import calls_backward


class GradientAddedTwice(WalkRule):
    code = "DET431"
    name = "gradient-added-twice"
    message = "{tensor}.backward() adds its gradients a second time: backward(retain_graph=True) did before"
    needs = (BACKWARD, r"\bstep\s*\(")
    possible_in = staticmethod(calls_backward)
    what = (
        "Flags `loss.backward()` where an earlier `loss.backward(retain_graph=True)` ran through "
        "the same value on every path to it (the name not rebound since) and no call between "
        "could have reset the gradients: no `zero_grad()`, no assignment to a `.grad`, no "
        "in-place write, no call of a function the analysis cannot see into. An optimizer "
        "`step()` between is DET407's finding. Calls with `inputs=` are left alone (each may "
        "fill other tensors). The scope must call a `step()` (an autograd lesson that prints "
        "the doubled gradient shows accumulation on purpose)."
    )
    why = (
        "`backward()` adds the gradients it computes into `.grad`. Run twice on the same graph, "
        "it adds them twice: the next `step()` moves the weights by double the gradient (a "
        "doubled learning rate for that loss), or, for gradients read by hand, reports twice "
        "the value. `retain_graph=True` only keeps the graph for a second pass; it does not "
        "make the second pass replace the first. Backward the loss once, or sum the losses "
        "and backward the sum."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.Tensor.backward.html",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(1, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
loss = (w * 2).sum()
loss.backward(retain_graph=True)
loss.backward()  # expect: DET431
optimizer.step()
""",
            good="""\
import torch

w = torch.ones(1, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
loss = (w * 2).sum()
loss.backward()
optimizer.step()
""",
            proof=Breaks("abs(w.item() - 0.8) < 1e-6"),
        ),
    )

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.scopes: list = []  # per open scope: its second backward() calls, reported at its end

    def on_scope_start(self, scope) -> None:
        self.scopes.append([])

    def on_scope_end(self, scope) -> None:
        found = self.scopes.pop()
        if found and any(isinstance(node, cst.Call) and method_name(node) == "step" for node in walk(scope)):
            for call, tensor in found:
                self.report(call, tensor=tensor)

    def on_backward(self, call, tensor) -> None:
        if not isinstance(tensor, cst.Name) or keyword_arg(call, "inputs") is not None or method_name(call) != "backward":
            return  # torch.autograd.grad() adds nothing into .grad
        value = self.ctx.value(tensor)
        if value.gradients_added and value.stale_by is None and value.grad is not False:
            self.scopes[-1].append((call, self.ctx.text(tensor)))
