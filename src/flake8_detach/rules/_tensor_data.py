"""When `x.data` is Tensor.data, and what a write through it can harm (DET201, DET202, DET203)."""

from __future__ import annotations

import ast
import re
from typing import Optional

import libcst as cst

from .. import torchapi
from ..syntax.cst_syntax import viewed_base, viewed_name

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


def written_tensor(ctx, target: cst.BaseExpression) -> Optional[str]:
    """The local name whose tensor a write into `target` changes behind autograd: `x` for
    `x.data`, `x.data[0]`, or a name bound to `x.data` (`c = x.data; c.zero_()`)."""
    data = data_attribute(target)
    if data is not None:
        return viewed_name(data.value)
    return ctx.value(viewed_base(target)).data_of


def is_graph_tensor_data(ctx, data: cst.Attribute, method: Optional[str] = None) -> bool:
    """Whether `x.data` is evidently Tensor.data of a tensor that can be in a graph, rather than
    some object's own `data` field, a gradient or a bool/integer tensor; `method` is the name
    of a method called on `x.data`, if any."""
    base = data.value
    if not ctx.imports_torch:
        return False  # numpy, MXNet...: `.data` is theirs
    parent = ctx.parent(data)
    if isinstance(parent, cst.Call) and parent.func is data:
        return False  # `w.data()`: a method of some other library (MXNet's Parameter.data())
    if isinstance(base, cst.Attribute) and base.attr.value == "grad":
        return False  # gradient buffers belong to no graph: `.grad.data` corrupts nothing
    value = ctx.value(base)
    if value.integral:
        return False
    if value.tensor:
        return True
    if isinstance(base, cst.Attribute) and base.attr.value in TENSOR_ATTRIBUTES:
        return True
    if names_a_container(base) or method is None:
        return False
    return method in TENSOR_ONLY_METHODS or torchapi.is_inplace_method(method)


def called_method(ctx, expr: cst.BaseExpression) -> Optional[str]:
    """`m` when `expr` is the receiver in `expr.m(...)`."""
    attribute = ctx.parent(expr)
    if isinstance(attribute, cst.Attribute) and isinstance(ctx.parent(attribute), cst.Call):
        return attribute.attr.value
    return None


def names_a_container(expr: cst.BaseExpression) -> bool:
    if isinstance(expr, cst.Name):
        return expr.value in ("self", "cls") or bool(CONTAINER_NAME.search(expr.value))
    if isinstance(expr, cst.Attribute):
        return bool(CONTAINER_NAME.search(expr.attr.value))
    return True  # a call or subscript: no name to go by


def reads_data_attribute(scope, index) -> bool:
    """Some `.data` attribute is in the code: not only `torch.utils.data` in an import."""
    return any(node.attr == "data" for node in scope.of(ast.Attribute))
