"""DET402: `.grad` of a non-leaf, which autograd never fills."""

from __future__ import annotations

from ._base import Example, Rule, Warns


class GradOfNonLeaf(Rule):
    code = "DET402"
    name = "grad-of-non-leaf"
    message = "{tensor}.grad of a non-leaf is None: call {tensor}.retain_grad() before backward()"
    needs = (r"\.\s*grad\b",)
    what = (
        "Flags reads of `.grad` on a tensor proven to be a non-leaf (the result of an op on a "
        "tensor that requires grad, or of a move like `.cuda()`) with no `retain_grad()` call "
        "on it."
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
        if node.attr.value != "grad":
            return
        value = self.ctx.value(node.value)
        if value.grad and value.leaf is False and not value.retained:
            self.report(node, tensor=self.ctx.text(node.value))
