"""DET421: a loop over a module's parameters rebinds its loop variable instead of writing the parameter."""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from ..syntax.ast_syntax import function_scopes, scope_nodes, statements
from ._base import Breaks, Example, FileRule

# Methods giving a module's tensors: iterating them binds the tensors themselves.
TENSOR_ITERATORS = frozenset(("parameters", "buffers"))
NAMED_TENSOR_ITERATORS = frozenset(("named_parameters", "named_buffers"))


class ParameterReboundInLoop(FileRule):
    code = "DET421"
    name = "parameter-rebound-in-loop"
    message = "{name} = ... rebinds the loop variable, not the parameter: the module's weights do not change"
    needs = (r"parameters\s*\(|buffers\s*\(", r"\bfor\b")
    what = (
        "Flags an assignment to the loop variable of a loop over a module's tensors "
        "(`for p in net.parameters()`, `for name, p in net.named_parameters()`, "
        "`for p, q in zip(a.parameters(), b.parameters())`, `buffers()`, "
        "`state_dict().values()`) when nothing after it reads the new value: the statement "
        "meant to update the parameter."
    )
    why = (
        "The loop variable is a name bound to the parameter tensor; assigning to it points the "
        "name at the new tensor and leaves the parameter as it was. A target network or EMA "
        "copy updated as `target_p = tau * p + (1 - tau) * target_p` keeps its initial "
        "weights, and `p = F.normalize(p)` normalises nothing; no error, no warning. Write into "
        "the tensor: `target_p.data.copy_(...)`, or `target_p.copy_(...)` under "
        "`torch.no_grad()`."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.Tensor.copy_.html",)
    examples = (
        Example(
            bad="""\
import torch

online = torch.nn.Linear(2, 2)
target = torch.nn.Linear(2, 2)
before = target.weight.detach().clone()
for p, target_p in zip(online.parameters(), target.parameters()):
    target_p = 0.5 * p + 0.5 * target_p  # expect: DET421
""",
            good="""\
import torch

online = torch.nn.Linear(2, 2)
target = torch.nn.Linear(2, 2)
before = target.weight.detach().clone()
for p, target_p in zip(online.parameters(), target.parameters()):
    target_p.data.copy_(0.5 * p + 0.5 * target_p)
""",
            proof=Breaks("not torch.equal(target.weight, before)"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        found = []
        for scope, loops in _rebinding_loops(index.tree).items():
            loads, stores = {}, {}  # name -> positions where the scope reads / binds it
            for node in scope_nodes(scope.body, skip_definitions=True):
                if isinstance(node, ast.Name):
                    (loads if isinstance(node.ctx, ast.Load) else stores).setdefault(node.id, []).append(_start(node))
            for loop, tensors in loops:
                branches = _branch_pairs(loop)
                for node in scope_nodes(loop.body, skip_definitions=True):
                    if not isinstance(node, (ast.Assign, ast.AnnAssign)):
                        continue
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    for target in targets:
                        if isinstance(target, ast.Name) and target.id in tensors and not _read_later(loop, branches, node, target.id, loads, stores):
                            found.append((node, {"name": target.id}))
        return found


def _rebinding_loops(tree: ast.Module) -> dict:
    """scope (the module or a function) -> [(loop, its target names bound to a module's
    tensors)] for the loops over a module's tensors whose body assigns one of those names;
    read on statements only."""
    found: dict = {}
    for scope in function_scopes(tree):
        for node in statements(scope.body, skip_definitions=True):
            if not isinstance(node, (ast.For, ast.AsyncFor)):
                continue
            tensors = set(_bound(node.target, node.iter))
            if tensors and any(
                isinstance(inner, (ast.Assign, ast.AnnAssign))
                and any(isinstance(t, ast.Name) and t.id in tensors for t in (inner.targets if isinstance(inner, ast.Assign) else [inner.target]))
                for inner in statements(node.body, skip_definitions=True)
            ):
                found.setdefault(scope, []).append((node, tensors))
    return found


def _bound(target: ast.expr, source: ast.expr) -> Iterator[str]:
    kind = _iterated(source)
    if kind == "tensors" and isinstance(target, ast.Name):
        yield target.id
    elif kind == "pairs" and isinstance(target, (ast.Tuple, ast.List)) and len(target.elts) == 2:
        if isinstance(target.elts[1], ast.Name):
            yield target.elts[1].id
    elif kind == "zip" and isinstance(target, (ast.Tuple, ast.List)) and len(target.elts) == len(source.args):
        for element, argument in zip(target.elts, source.args):
            if _iterated(argument) == "tensors" and isinstance(element, ast.Name):
                yield element.id
    elif kind == "enumerate" and isinstance(target, (ast.Tuple, ast.List)) and len(target.elts) == 2:
        yield from _bound(target.elts[1], source.args[0])


def _iterated(source: ast.expr) -> Optional[str]:
    """What iterating `source` binds: "tensors", "pairs" (name, tensor), or "zip"/"enumerate"
    of further sources."""
    if isinstance(source, (ast.ListComp, ast.GeneratorExp)) and len(source.generators) == 1:
        # `[p for p in net.parameters() if p.dim() == 4]`: some of the same tensors
        comprehension = source.generators[0]
        same = isinstance(source.elt, ast.Name) and isinstance(comprehension.target, ast.Name) \
            and source.elt.id == comprehension.target.id
        return "tensors" if same and _iterated(comprehension.iter) == "tensors" else None
    if not isinstance(source, ast.Call):
        return None
    func = source.func
    if isinstance(func, ast.Name) and func.id in ("zip", "enumerate") and source.args and not source.keywords:
        return func.id if func.id == "zip" or len(source.args) == 1 else None
    if isinstance(func, ast.Name) and func.id in ("list", "tuple") and len(source.args) == 1:
        return _iterated(source.args[0])
    if not isinstance(func, ast.Attribute) or source.args:
        return None
    if func.attr in TENSOR_ITERATORS:
        return "tensors"
    if func.attr in NAMED_TENSOR_ITERATORS:
        return "pairs"
    receiver = func.value
    if isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Attribute) and receiver.func.attr == "state_dict":
        return {"values": "tensors", "items": "pairs"}.get(func.attr)
    return None


def _start(node: ast.AST) -> tuple:
    return node.lineno, node.col_offset


def _end(node: ast.AST) -> tuple:
    return node.end_lineno, node.end_col_offset


def _branch_pairs(loop: ast.AST) -> list:
    """((first, last) of a branch, (first, last) of the other) for each `if`/`else` in the body."""
    pairs = []
    for node in scope_nodes(loop.body, skip_definitions=True):
        if isinstance(node, ast.If) and node.orelse:
            body, orelse = (_start(node.body[0]), _end(node.body[-1])), (_start(node.orelse[0]), _end(node.orelse[-1]))
            pairs += [(body, orelse), (orelse, body)]
    return pairs


def _read_later(loop: ast.AST, branches: list, assignment: ast.stmt, name: str, loads: dict, stores: dict) -> bool:
    """Whether the new value of `name` may be read: later in the loop body (not in the other
    branch of an `if` holding the assignment), or after the loop before `name` is bound again."""
    other_branches = [other for (first, last), other in branches if first <= _start(assignment) <= last]
    after, loop_end = _end(assignment), _end(loop)
    rebound = min((position for position in stores.get(name, ()) if position > loop_end), default=None)
    for position in loads.get(name, ()):
        if any(first <= position <= last for first, last in other_branches):
            continue
        if after < position <= loop_end or (position > loop_end and (rebound is None or position < rebound)):
            return True
    return False
