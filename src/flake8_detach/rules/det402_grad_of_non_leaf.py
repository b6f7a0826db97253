"""DET402: `.grad` of a non-leaf, which autograd never fills."""

from __future__ import annotations

import libcst as cst

from ._base import Example, WalkRule, Warns


class GradOfNonLeaf(WalkRule):
    code = "DET402"
    name = "grad-of-non-leaf"
    message = "{tensor}.grad of a non-leaf is None: call {tensor}.retain_grad() before backward()"
    needs = (r"\.\s*grad\b",)
    what = (
        "Flags reads of `.grad` on a tensor proven to be a non-leaf (the result of an op on a "
        "tensor that requires grad, or of a move like `.cuda()`) with no `retain_grad()` call "
        "on it, where the value is used: only shown (`print(y.grad)`, a notebook cell ending in "
        "`y.grad`) it is what tutorials print on purpose."
    )
    why = (
        "Autograd fills `.grad` only for leaves. On a non-leaf, `.grad` stays `None` and reading "
        "it emits \"The .grad attribute of a Tensor that is not a leaf Tensor is being accessed\". "
        "Call `retain_grad()` on it before `backward()` to keep its gradient."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.Tensor.retain_grad.html",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.randn(3, requires_grad=True)
y = w * 2
y.sum().backward()
g = y.grad  # expect: DET402
""",
            good="""\
import torch

w = torch.randn(3, requires_grad=True)
y = w * 2
y.retain_grad()
y.sum().backward()
g = y.grad
""",
            proof=Warns("not a leaf Tensor is being accessed"),
        ),
    )

    def on_attribute(self, node) -> None:
        if node.attr.value != "grad" or self._only_shown(node):
            return
        value = self.ctx.value(node.value)
        if value.grad and value.leaf is False and not value.retained:
            self.report(node, tensor=self.ctx.text(node.value))

    def _only_shown(self, node: cst.Attribute) -> bool:
        """`print(y.grad)`, or `y.grad` (or `y.grad, z.grad`) as a notebook cell's last
        expression: tutorials show that a non-leaf's gradient is None; nothing uses it."""
        parent = self.ctx.parent(node)
        if isinstance(parent, cst.Element):
            parent = self.ctx.parent(parent)  # `y.grad, z.grad`
        if isinstance(parent, cst.Arg):
            call = self.ctx.parent(parent)
            return isinstance(call, cst.Call) and isinstance(call.func, cst.Name) and call.func.value == "print"
        statement = self.ctx.statement
        return isinstance(statement, cst.Expr) and (statement.value is node or statement.value is parent)
