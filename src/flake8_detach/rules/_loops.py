"""Loop bodies as the graph-lifetime rules (DET303, DET304, DET406) read them."""

from __future__ import annotations

from typing import Iterator

import libcst as cst

from .. import torchapi
from ..cst_syntax import children, last_name, method_name, target_names


def body_nodes(loop: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """Everything a loop body runs, not descending into functions and classes defined there."""
    stack = [loop.body]
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            stack.extend(children(node))


def calls_backward(loop: cst.CSTNode) -> bool:
    return any(isinstance(node, cst.Call) and method_name(node) == "backward" for node in body_nodes(loop))


def runs_model(loop: cst.CSTNode) -> bool:
    """The loop body calls a callable named like a model: each iteration is a forward step."""
    for node in body_nodes(loop):
        if isinstance(node, cst.Call) and torchapi.MODEL_NAME.search(last_name(node.func)):
            return True
    return False


def bindings(loop: cst.CSTNode, name: str) -> list:
    """The statements and expressions in a loop body that bind `name` or detach it in place."""
    found = []
    for node in body_nodes(loop):
        if isinstance(node, cst.Assign):
            targets = [t.target for t in node.targets]
        elif isinstance(node, (cst.AnnAssign, cst.AugAssign, cst.For, cst.NamedExpr)):
            targets = [node.target]
        elif isinstance(node, cst.AsName):
            targets = [node.name]
        elif isinstance(node, cst.Call) and method_name(node) == "detach_":
            targets = [node.func.value]
        else:
            continue
        if any(name in target_names(t) or (isinstance(t, cst.Name) and t.value == name) for t in targets):
            found.append(node)
    return found
