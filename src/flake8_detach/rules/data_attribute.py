"""DET201/DET202: the legacy `.data` attribute, which autograd does not track."""

from __future__ import annotations

import ast
import re
from typing import Optional

import libcst as cst

from .. import torchapi
from ..syntax import viewed_base
from ._base import SAFE, Breaks, Example, Rule

# Attributes that hold parameters on modules.
TENSOR_ATTRIBUTES = frozenset(("weight", "bias"))
# Methods only a tensor has: called on `.data`, they show that `.data` is Tensor.data.
TENSOR_ONLY_METHODS = frozenset(("cpu", "cuda", "numpy", "detach", "item", "clone"))
# Objects named like data containers often have a `.data` field of their own (datasets, batches).
CONTAINER_NAME = re.compile(r"data|set|batch|loader|sample|frame|df|mnist|cifar|record|table", re.I)


def data_attribute(expr: cst.BaseExpression) -> Optional[cst.Attribute]:
    """The `x.data` that `expr` writes through: `x.data`, `x.data[0]`, `x.data.view(-1)`."""
    base = viewed_base(expr)
    return base if isinstance(base, cst.Attribute) and base.attr.value == "data" else None


def is_graph_tensor_data(ctx, data: cst.Attribute, method: Optional[str] = None) -> bool:
    """Whether `x.data` is evidently Tensor.data of a tensor that can be in a graph, rather than
    some object's own `data` field or a gradient;
    `method` is the name of a method called on `x.data`, if any."""
    base = data.value
    if isinstance(base, cst.Attribute) and base.attr.value == "grad":
        return False  # gradient buffers belong to no graph: `.grad.data` corrupts nothing
    if ctx.value(base).tensor:
        return True
    if isinstance(base, cst.Attribute) and base.attr.value in TENSOR_ATTRIBUTES:
        return True
    if _names_a_container(base) or method is None:
        return False
    return method in TENSOR_ONLY_METHODS or torchapi.is_inplace_method(method)


def called_method(ctx, expr: cst.BaseExpression) -> Optional[str]:
    """`m` when `expr` is the receiver in `expr.m(...)`."""
    attribute = ctx.parent(expr)
    if isinstance(attribute, cst.Attribute) and isinstance(ctx.parent(attribute), cst.Call):
        return attribute.attr.value
    return None


def _names_a_container(expr: cst.BaseExpression) -> bool:
    if isinstance(expr, cst.Name):
        return expr.value in ("self", "cls") or bool(CONTAINER_NAME.search(expr.value))
    if isinstance(expr, cst.Attribute):
        return bool(CONTAINER_NAME.search(expr.attr.value))
    return True  # a call or subscript: no name to go by


def _reads_data_attribute(nodes: list, imports) -> bool:
    """Some `.data` attribute is in the code: not only `torch.utils.data` in an import."""
    return any(isinstance(node, ast.Attribute) and node.attr == "data" for node in nodes)


class DataMutation(Rule):
    code = "DET201"
    name = "data-mutation"
    message = "{op} through {base}.data is hidden from autograd: gradients use changed values"
    needs = (r"\.\s*data\b",)
    possible_in = staticmethod(_reads_data_attribute)
    what = (
        "Flags writes through `.data` on a tensor: in-place methods (`p.data.add_(u)`, "
        "`p.data.copy_(t)`), item assignment (`p.data[0] = 0`), augmented assignment "
        "(`p.data += u`) and rebinding (`p.data = t`).\n\n"
        "`.data` counts only where the object is evidently a tensor: a torch factory or op "
        "result, a parameter from `.parameters()`, a `.weight`/`.bias` attribute, or a "
        "tensor-only method called on `.data`. Objects named like data containers "
        "(`dataset.data`, `batch.data`, `self.data`) are left alone, and so are gradients "
        "(`p.grad.data`): they belong to no graph."
    )
    why = (
        "Changes made through `.data` do not bump the tensor's version counter, so autograd "
        "cannot tell that a value it saved for the backward pass has changed: gradients are then "
        "computed from the new values, silently. Make the change under `torch.no_grad()` on the "
        "tensor itself, where autograd raises an error instead of computing a wrong gradient."
    )
    references = ("https://pytorch.org/docs/stable/notes/autograd.html#in-place-operations-with-autograd",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
loss = (w ** 2).sum()
w.data.mul_(0.5)  # expect: DET201
loss.backward()
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
loss = (w ** 2).sum()
loss.backward()
with torch.no_grad():
    w.mul_(0.5)
""",
            proof=Breaks("w.grad.tolist() == [2.0, 2.0, 2.0]"),
        ),
    )

    def on_inplace(self, target, site, op, source) -> None:
        data = data_attribute(target)
        receiver_of_call = isinstance(site, cst.Call) and isinstance(site.func, cst.Attribute)
        method = site.func.attr.value if receiver_of_call and site.func.value is data else None
        if data is not None and is_graph_tensor_data(self.ctx, data, method):
            self.report(site, op=op, base=self.ctx.text(data.value))

    def on_attr_assign(self, target, value, statement) -> None:
        if target.attr.value != "data":
            return
        base = target.value
        evident = is_graph_tensor_data(self.ctx, target) or (
            isinstance(base, cst.Name) and not _names_a_container(base) and self.ctx.value(value).tensor
        )
        if evident:
            self.report(target, op="assignment", base=self.ctx.text(base))


class DataAccess(Rule):
    code = "DET202"
    name = "data-access"
    message = "{base}.data skips autograd's checks: edits through it corrupt gradients silently"
    needs = (r"\.\s*data\b",)
    possible_in = staticmethod(_reads_data_attribute)
    what = (
        "Flags reads of `.data` on a tensor (`x.data.cpu().numpy()`, `y = x.data`) where "
        "`.detach()` would do. Writes through `.data` are DET201; the evidence that `.data` is "
        "Tensor.data is the same."
    )
    why = (
        "`.data` and `.detach()` both return a tensor sharing storage with the original, but only "
        "`.detach()` shares the version counter. An in-place edit through a `.data` alias goes "
        "unnoticed and backward silently uses the edited values; through a `.detach()` alias "
        "autograd raises an error instead."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.Tensor.detach.html",)
    fix_safety = SAFE  # only reads are flagged, and for reads `.detach()` gives the same values
    fix_title = "replace `.data` with `.detach()`"
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
y = w.sigmoid()  # sigmoid saves its output y for backward
snapshot = y.data  # expect: DET202
snapshot.zero_()
y.sum().backward()
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
y = w.sigmoid()
snapshot = y.detach().clone()
snapshot.zero_()
y.sum().backward()
""",
            proof=Breaks("torch.allclose(w.grad, torch.sigmoid(w) * (1 - torch.sigmoid(w)))"),
            fixed="""\
import torch

w = torch.ones(3, requires_grad=True)
y = w.sigmoid()  # sigmoid saves its output y for backward
snapshot = y.detach().clone()
snapshot.zero_()
y.sum().backward()
""",
        ),
    )

    def on_attribute(self, node) -> None:
        if node.attr.value != "data" or self.ctx.is_written(node):
            return
        if is_graph_tensor_data(self.ctx, node, called_method(self.ctx, node)):
            self.report(node, fix=self.fix((node, detach_instead_of_data(node))), base=self.ctx.text(node.value))


def detach_instead_of_data(data: cst.Attribute) -> cst.Call:
    """`x.detach()` for `x.data`, keeping the attribute's parentheses outside."""
    method = data.with_changes(attr=cst.Name("detach"), lpar=[], rpar=[])
    return cst.Call(func=method, lpar=data.lpar, rpar=data.rpar)
