"""Fast structural helpers over libcst nodes.

`CSTNode.children` rebuilds every node it visits; reading the dataclass fields that can
hold code is several times cheaper and is all the analysis needs.
"""

from __future__ import annotations

import dataclasses
from typing import Iterator, Optional

import libcst as cst

from . import torchapi

# Fields that hold only tokens and whitespace, never code.
_TOKEN_FIELDS = frozenset(
    """lpar rpar comma semicolon colon equal lbrace lbracket rbrace rbracket dot operator header
    footer leading_lines trailing_whitespace newline indent asynchronous lines_after_decorators
    empty_lines first_colon second_colon star relative posonly_ind default_indent default_newline
    encoding has_trailing_newline conversion comment""".split()
)
_code_fields: dict = {}


def _fields_of(node_type: type) -> tuple:
    fields = _code_fields.get(node_type)
    if fields is None:
        fields = tuple(
            f.name
            for f in dataclasses.fields(node_type)
            if f.name not in _TOKEN_FIELDS and not f.name.startswith("whitespace")
        )
        _code_fields[node_type] = fields
    return fields


def children(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """The child nodes of `node` that can hold code, in source order."""
    for name in _fields_of(type(node)):
        value = getattr(node, name)
        kind = type(value)
        if kind is tuple or kind is list:
            for item in value:
                if _is_node(type(item)):
                    yield item
        elif _is_node(kind):
            yield value


_node_types: dict = {}


def _is_node(kind: type) -> bool:
    """issubclass(kind, CSTNode), cached: libcst's node classes are ABCs, whose checks are slow."""
    known = _node_types.get(kind)
    if known is None:
        known = _node_types[kind] = issubclass(kind, cst.CSTNode)
    return known


# Expressions that run in a scope of their own.
INNER_SCOPES = frozenset((cst.Lambda, cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp))


def walk(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """`node` and everything below it, depth first."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(list(children(current))))


def last_name(expr: cst.BaseExpression) -> str:
    """`f` for `f` and `a.b.f`: the name an expression ends in, or "" when it ends in no name."""
    if isinstance(expr, cst.Attribute):
        return expr.attr.value
    return expr.value if isinstance(expr, cst.Name) else ""


def root_name(expr: cst.BaseExpression) -> Optional[str]:
    """`x` for `x`, `x.a.b`, `x[0]`, `x.view(-1)[1]`: the local name the expression starts from."""
    while True:
        if isinstance(expr, cst.Name):
            return expr.value
        if isinstance(expr, (cst.Attribute, cst.Subscript)):
            expr = expr.value
        elif isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute):
            expr = expr.func.value
        else:
            return None


def target_names(target: cst.CSTNode) -> Iterator[str]:
    """Names bound by an assignment target (`a`, `a, (b, *c)`)."""
    if isinstance(target, cst.Name):
        yield target.value
    elif isinstance(target, (cst.Tuple, cst.List)):
        for element in target.elements:
            yield from target_names(element.value)
    elif isinstance(target, cst.StarredElement):
        yield from target_names(target.value)


def possibly_changed_names(block: cst.CSTNode) -> set:
    """Local names whose facts code in `block` may change: every name it binds, writes into
    in place, passes to a call or calls a state-changing method on (for loops and try bodies)."""
    changed: set = set()
    for node in walk(block):
        if isinstance(node, cst.Name):
            continue
        if isinstance(node, cst.Assign):
            for target in node.targets:
                changed.update(_written_roots(target.target))
        elif isinstance(node, (cst.AugAssign, cst.AnnAssign)):
            changed.update(_written_roots(node.target))
        elif isinstance(node, (cst.For, cst.CompFor)):
            changed.update(target_names(node.target))
        elif isinstance(node, cst.AsName):
            changed.update(target_names(node.name))
        elif isinstance(node, cst.NamedExpr):
            changed.update(target_names(node.target))
        elif isinstance(node, cst.Del):
            changed.update(_written_roots(node.target))
        elif isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            changed.add(node.name.value)
        elif isinstance(node, (cst.Global, cst.Nonlocal)):
            changed.update(item.name.value for item in node.names)
        elif isinstance(node, cst.ImportAlias):
            bound = root_name(node.asname.name if node.asname else node.name)
            if bound:
                changed.add(bound)
        elif isinstance(node, cst.Call):
            for arg in node.args:
                if isinstance(arg.value, cst.Name):
                    changed.add(arg.value.value)
            if isinstance(node.func, cst.Attribute) and (
                node.func.attr.value.endswith("_") or node.func.attr.value == "retain_grad"
            ):
                name = root_name(node.func.value)
                if name:
                    changed.add(name)
    return changed


def _written_roots(target: cst.BaseExpression) -> Iterator[str]:
    if isinstance(target, (cst.Attribute, cst.Subscript)):
        name = root_name(target)
        if name:
            yield name
    else:
        yield from target_names(target)


def view_chain(expr: cst.BaseExpression) -> Iterator[cst.BaseExpression]:
    """`expr` and the tensors it is a view of: `x[0].view(-1).T`, `x[0].view(-1)`, `x[0]`, `x`."""
    while True:
        yield expr
        if isinstance(expr, cst.Subscript):
            expr = expr.value
        elif isinstance(expr, cst.Attribute) and expr.attr.value in torchapi.VIEW_ATTRIBUTES:
            expr = expr.value
        elif (
            isinstance(expr, cst.Call)
            and isinstance(expr.func, cst.Attribute)
            and expr.func.attr.value in torchapi.VIEW_METHODS
        ):
            expr = expr.func.value
        else:
            return


def viewed_base(expr: cst.BaseExpression) -> cst.BaseExpression:
    """The expression `expr` is a view of, or `expr` itself."""
    for expr in view_chain(expr):
        pass
    return expr


def viewed_name(expr: cst.BaseExpression) -> Optional[str]:
    """`x` for `x`, `x[0]`, `x.view(-1)`: the local name whose tensor a write lands in."""
    base = viewed_base(expr)
    return base.value if isinstance(base, cst.Name) else None
