"""Evidence a function's whole body gives about its names before the walk reaches it: a loss
that is backward()-ed without a gradient later on is one element where it is first used too,
when the name is bound once (each of its values comes from the same expression), or else only
to numbers."""

from __future__ import annotations

from typing import Iterator

import libcst as cst

from ..analysis.one_element import SCALAR_BACKWARD_KEYWORDS
from ..syntax.cst_syntax import children

TERM_OPERATORS = (cst.Add, cst.Subtract, cst.Multiply, cst.Divide)


def backwarded_once(function: cst.FunctionDef) -> frozenset:
    """The names `function` binds exactly once besides bindings to numbers, by a plain
    assignment (or unpacked from one: `loss, acc = step(x)`), that it backward()s without a
    gradient, and the names bound once that `+ - * /` sum or scale into those, or into an
    accumulator it backward()s, a name bound only to such sums and by `+=`/`-=` (`total = 0`,
    `total += loss`; `total = a + b`, `total += c`): one element, and so is each term
    (broadcasting never makes fewer)."""
    # name -> the value of its one plain assignment, None for a parameter or any other binding
    bindings: dict = {name: None for name in _parameter_names(function)}
    added: dict = {}  # name -> the sums bound to it and the values `+=`/`-=` add to it
    unsummed = set()  # names bound otherwise than to a sum or by `+=`/`-=`
    roots = []
    for node in _body_nodes(function):
        if isinstance(node, cst.Assign) and len(node.targets) == 1 and _plain_targets(node.targets[0].target):
            whole = isinstance(node.targets[0].target, cst.Name)
            for name in _names(node.targets[0].target):
                if whole and _is_sum(node.value):
                    added.setdefault(name, []).append(node.value)
                else:
                    unsummed.add(name)
                if whole and _is_number(node.value):
                    continue  # one element whatever else the name holds (`res_loss = 0` in an else)
                if name in bindings:
                    bindings[name] = None
                else:  # an element unpacked (`loss, acc = step(x)`) has no terms of its own
                    bindings[name] = node.value if whole else cst.Tuple([])
        elif isinstance(node, (cst.AugAssign, cst.AnnAssign, cst.For, cst.WithItem, cst.NamedExpr, cst.CompFor, cst.Assign)):
            target = getattr(node, "target", None) or getattr(getattr(node, "asname", None), "name", None)
            summing = isinstance(node, cst.AugAssign) and isinstance(node.operator, (cst.AddAssign, cst.SubtractAssign))
            for each in [target] if not isinstance(node, cst.Assign) else [t.target for t in node.targets]:
                for name in _names(each):
                    bindings[name] = None
                    if summing and isinstance(each, cst.Name):
                        added.setdefault(name, []).append(node.value)
                    else:
                        unsummed.add(name)
        elif _scalar_backward(node):
            roots.append(node.func.value.value)
    stack = [name for name in roots if bindings.get(name) is not None]
    for name in roots:  # an accumulator: numbers and what is added to it
        if name in added and name not in unsummed and name not in _parameter_names(function):
            stack += [term for value in added[name] for term in _terms(value) if bindings.get(term) is not None]
    found: set = set()
    while stack:
        name = stack.pop()
        if name in found:
            continue
        found.add(name)
        stack += [term for term in _terms(bindings[name]) if bindings.get(term) is not None]
    return frozenset(found)


def runs_backward(function: cst.FunctionDef) -> bool:
    """Whether the function's own body calls a `backward()`."""
    return any(
        isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "backward"
        for node in _body_nodes(function)
    )


def _parameter_names(function: cst.FunctionDef) -> Iterator[str]:
    params = function.params
    for param in (*params.posonly_params, *params.params, *params.kwonly_params):
        yield param.name.value
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, cst.Param):
            yield star.name.value


def _scalar_backward(node: cst.CSTNode) -> bool:
    return (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "backward"
        and isinstance(node.func.value, cst.Name)
        and all(arg.keyword is not None and arg.keyword.value in SCALAR_BACKWARD_KEYWORDS for arg in node.args)
    )


def _terms(expr: cst.BaseExpression) -> Iterator[str]:
    """The names `expr` adds, subtracts or scales (`a + 0.1 * b` gives a and b)."""
    if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, TERM_OPERATORS):
        yield from _terms(expr.left)
        yield from _terms(expr.right)
    elif isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.Minus):
        yield from _terms(expr.expression)
    elif isinstance(expr, cst.Name):
        yield expr.value


def _is_sum(expr: cst.BaseExpression) -> bool:
    """A number, a name, or `+ - * /` of such: no call that could reduce or reshape."""
    if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, TERM_OPERATORS):
        return _is_sum(expr.left) and _is_sum(expr.right)
    if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.Minus):
        return _is_sum(expr.expression)
    return isinstance(expr, (cst.Integer, cst.Float, cst.Name))


def _is_number(expr: cst.BaseExpression) -> bool:
    if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.Minus):
        return _is_number(expr.expression)
    return isinstance(expr, (cst.Integer, cst.Float))


def _plain_targets(target: cst.BaseExpression) -> bool:
    """A name, or a tuple or list of names without a starred one: each bound to one value."""
    if isinstance(target, cst.Name):
        return True
    return isinstance(target, (cst.Tuple, cst.List)) and all(isinstance(e.value, cst.Name) for e in target.elements)


def _names(target) -> Iterator[str]:
    if isinstance(target, cst.Name):
        yield target.value
    elif isinstance(target, (cst.Tuple, cst.List)):
        for element in target.elements:
            yield from _names(element.value)
    elif isinstance(target, cst.StarredElement):
        yield from _names(target.value)


def _body_nodes(function: cst.FunctionDef) -> Iterator[cst.CSTNode]:
    """The nodes of the function's body, not those of definitions nested in it."""
    stack = [function.body]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(child for child in children(node) if not isinstance(child, (cst.FunctionDef, cst.ClassDef, cst.Lambda)))
