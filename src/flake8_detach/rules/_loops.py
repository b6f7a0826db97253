"""Loop bodies as the graph-lifetime rules (DET303, DET304, DET406) read them."""

from __future__ import annotations

from collections import OrderedDict
from typing import Iterator

import libcst as cst

from .. import torchapi
from ..syntax.cst_syntax import children, last_name, method_name, target_names


def body_nodes(loop: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """Everything a loop body runs, not descending into functions and classes defined there."""
    stack = [loop.body]
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            stack.extend(children(node))


class LoopBody:
    """What a loop body does, read in one pass: which statements bind each name (or detach it
    in place), whether it calls backward() or a callable named like a model, and whether it
    can leave early (break, return, raise). The rules ask once per event; reading the body
    again each time would make them quadratic in a long loop."""

    def __init__(self, loop: cst.CSTNode) -> None:
        self.binders: dict = {}
        self.calls_backward = self.runs_model = self.exits = False
        for node in body_nodes(loop):
            if isinstance(node, cst.Call):
                name = method_name(node)
                self.calls_backward = self.calls_backward or name == "backward"
                self.runs_model = self.runs_model or bool(torchapi.MODEL_NAME.search(last_name(node.func)))
            elif isinstance(node, (cst.Break, cst.Return, cst.Raise)):
                self.exits = True
            for target in _bound_by(node):
                names = set(target_names(target)) | ({target.value} if isinstance(target, cst.Name) else set())
                for name in names:
                    self.binders.setdefault(name, []).append(node)

    def bindings(self, name: str) -> list:
        """The statements and expressions in the body that bind `name` or detach it in place."""
        return self.binders.get(name, [])


_recent: OrderedDict = OrderedDict()  # id(loop) -> (loop, LoopBody), the loops of the last walk


def loop_body(loop: cst.CSTNode) -> LoopBody:
    """The LoopBody of `loop`, read once while the walk is in it."""
    known = _recent.get(id(loop))
    if known is not None and known[0] is loop:
        _recent.move_to_end(id(loop))
        return known[1]
    body = LoopBody(loop)
    _recent[id(loop)] = (loop, body)
    if len(_recent) > 64:  # the loops around the walk's point, with room: nesting is shallow
        _recent.popitem(last=False)
    return body


def _bound_by(node: cst.CSTNode) -> list:
    """The targets `node` binds, or the tensor it detaches in place."""
    if isinstance(node, cst.Assign):
        return [t.target for t in node.targets]
    if isinstance(node, (cst.AnnAssign, cst.AugAssign, cst.For, cst.NamedExpr)):
        return [node.target]
    if isinstance(node, cst.AsName):
        return [node.name]
    if isinstance(node, cst.Call) and method_name(node) == "detach_":
        return [node.func.value]
    return []
