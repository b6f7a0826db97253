"""DET414: a training method named as a statement and never called."""

from __future__ import annotations

import ast

import libcst as cst

from ..findings import UNSAFE
from ._base import Breaks, Example, WalkRule

# Methods whose whole point is their effect: named without a call, the statement does nothing.
EFFECT_METHODS = frozenset(("backward", "zero_grad", "step", "eval", "train", "requires_grad_", "retain_grad"))


class MethodNotCalled(WalkRule):
    code = "DET414"
    name = "method-not-called"
    message = "{expr} is not called: the statement does nothing (add ())"
    needs = (r"\.\s*(?:backward|zero_grad|step|eval|train|requires_grad_|retain_grad)\b(?!\s*\()",)
    what = (
        "Flags a statement that only names a method run for its effect, without calling it: "
        "`optimizer.zero_grad`, `optimizer.step`, `scheduler.step`, `loss.backward`, "
        "`model.eval`, `model.train`, `x.requires_grad_`, `x.retain_grad`."
    )
    why = (
        "Naming a method reads the bound method and throws it away; nothing runs and nothing "
        "is raised. Without `zero_grad()` gradients add up across iterations, without `step()` "
        "the weights never change, without `backward()` no gradient is computed, and without "
        "`eval()` dropout and batch-norm updates stay on while evaluating."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.optim.Optimizer.zero_grad.html",)
    fix_safety = UNSAFE  # the call runs code that never ran before: review what it does there
    fix_title = "call it: `optimizer.zero_grad` -> `optimizer.zero_grad()`"
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(2, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.0)
for _ in range(2):
    optimizer.zero_grad  # expect: DET414
    (w * 3).sum().backward()
    optimizer.step()
""",
            good="""\
import torch

w = torch.ones(2, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.0)
for _ in range(2):
    optimizer.zero_grad()
    (w * 3).sum().backward()
    optimizer.step()
""",
            proof=Breaks("torch.equal(w.grad, torch.full((2,), 3.0))"),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """A statement that is an attribute with one of the methods' names."""
        return any(isinstance(node.value, ast.Attribute) and node.value.attr in EFFECT_METHODS for node in scope.of(ast.Expr))

    def on_attribute(self, attribute) -> None:
        statement = self.ctx.statement
        if isinstance(statement, cst.Expr) and statement.value is attribute and attribute.attr.value in EFFECT_METHODS:
            call = cst.Call(func=attribute)
            self.report(attribute, fix=self.fix((attribute, call)), expr=self.ctx.text(attribute))
