"""DET424: a `state_dict()` kept as the best weights while training goes on, then restored."""

from __future__ import annotations

import ast
from typing import Optional

from ..syntax.ast_syntax import FUNCTIONS, dotted, function_scopes, scope_nodes, statements
from ._base import Breaks, Example, FileRule

LOOPS = (ast.For, ast.AsyncFor, ast.While)
# Calls that change a model's parameters in place: an optimizer's step, in the loop or in a
# function of the file the loop calls.
TRAINING_CALLS = frozenset(("step",))


class StateDictSnapshotAliasesWeights(FileRule):
    code = "DET424"
    name = "state-dict-snapshot-aliases-weights"
    message = "{name} holds {model}'s live weights, not a copy: {use} gets the last ones (deepcopy it)"
    needs = (r"state_dict\s*\(", r"\bstep\s*\(")
    what = (
        "Flags `best = model.state_dict()` (also through `.copy()`, `dict()` or `OrderedDict()`) "
        "under an `if` inside a loop that goes on training (it calls an optimizer's `step()`, "
        "itself or in a function of the file it calls), when after the loop the same scope "
        "restores or saves that name (`model.load_state_dict(best)`, `torch.save(best, path)`) "
        "without binding it again in between."
    )
    why = (
        "`state_dict()` returns the module's own parameter and buffer tensors (detached, sharing "
        "their storage), not copies, and a dict copy copies only the references. Every later "
        "`optimizer.step()` updates those tensors in place, so the \"best\" snapshot is always the "
        "current weights: restoring it after training restores the last epoch's model, and saving "
        "it saves the last epoch's, silently. Take a copy: `copy.deepcopy(model.state_dict())`, "
        "or `{k: v.clone() for k, v in model.state_dict().items()}`."
    )
    references = ("https://pytorch.org/tutorials/beginner/saving_loading_models.html",)
    examples = (
        Example(
            bad="""\
import torch

torch.manual_seed(0)
model = torch.nn.Linear(2, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
x, y = torch.randn(8, 2), torch.randn(8, 1)
for epoch in range(3):
    optimizer.zero_grad()
    torch.nn.functional.mse_loss(model(x), y).backward()
    optimizer.step()
    if epoch == 0:
        best_state = model.state_dict()  # expect: DET424
        best_weight = model.weight.detach().clone()
model.load_state_dict(best_state)
""",
            good="""\
import copy

import torch

torch.manual_seed(0)
model = torch.nn.Linear(2, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
x, y = torch.randn(8, 2), torch.randn(8, 1)
for epoch in range(3):
    optimizer.zero_grad()
    torch.nn.functional.mse_loss(model(x), y).backward()
    optimizer.step()
    if epoch == 0:
        best_state = copy.deepcopy(model.state_dict())
        best_weight = model.weight.detach().clone()
model.load_state_dict(best_state)
""",
            proof=Breaks("torch.equal(model.weight, best_weight)"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        training_functions = _training_functions(index.tree)
        found: dict = {}  # id(snapshot) -> finding: a snapshot in nested training loops once
        for scope in function_scopes(index.tree):
            for loop in statements(scope.body, skip_definitions=True):
                if not isinstance(loop, LOOPS):
                    continue
                # Snapshots first: only a loop holding one is read for training.
                snapshots = [(node, _snapshot(node)) for node in _conditional_statements(loop)]
                snapshots = [(node, snapshot) for node, snapshot in snapshots if snapshot is not None]
                if not snapshots or not _trains(loop, training_functions):
                    continue
                for node, (name, model) in snapshots:
                    use = _restored_after(scope, loop, name)
                    if use is not None:
                        found.setdefault(id(node), (node, {"name": name, "model": model, "use": use}))
        return sorted(found.values(), key=lambda item: (item[0].lineno, item[0].col_offset))


def _conditional_statements(loop: ast.AST):
    """The statements of the loop's body under an `if` (the best epoch's weights kept): one
    taken in every pass holds the last weights anyway when the loop ends."""
    for node in statements(loop.body, skip_definitions=True):
        if isinstance(node, ast.If):
            yield from statements(node.body + node.orelse, skip_definitions=True)


def _snapshot(node: ast.AST) -> Optional[tuple]:
    """(name, model) for `name = model.state_dict()`, its `.copy()`, `dict(...)` or `OrderedDict(...)`."""
    if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
        return None
    value = node.value
    if _method_call(value, "copy"):
        value = value.func.value
    elif (
        isinstance(value, ast.Call) and (dotted(value.func) or "").rpartition(".")[2] in ("dict", "OrderedDict")
        and len(value.args) == 1 and not value.keywords
    ):
        value = value.args[0]
    if not _method_call(value, "state_dict"):
        return None
    model = dotted(value.func.value)
    return (node.targets[0].id, model) if model else None


def _method_call(value: ast.expr, method: str) -> bool:
    """`x.<method>()` without arguments."""
    return (
        isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == method
        and not value.args and not value.keywords
    )


def _training_functions(tree: ast.Module) -> set:
    """Names of the file's functions and methods whose own body calls `step()`."""
    return {
        node.name for node in statements(tree.body)
        if isinstance(node, FUNCTIONS) and any(_steps(inner) for inner in scope_nodes(node.body, skip_definitions=True))
    }


def _steps(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in TRAINING_CALLS


def _trains(loop: ast.AST, training_functions: set) -> bool:
    """Whether the loop's body steps an optimizer, itself or by calling a function of the file that does."""
    for node in scope_nodes(loop.body, skip_definitions=True):
        if _steps(node):
            return True
        if isinstance(node, ast.Call):
            called = node.func.id if isinstance(node.func, ast.Name) else (
                node.func.attr if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "self" else None)
            if called in training_functions:
                return True
    return False


def _restored_after(scope: ast.AST, loop: ast.AST, name: str) -> Optional[str]:
    """`model.load_state_dict(name)` or `torch.save(name, ...)` after the loop, in the same
    scope, before `name` is bound again; how it reads, else None."""
    end = (loop.end_lineno, loop.end_col_offset)
    uses, rebinding = [], None
    for node in scope_nodes(scope.body, skip_definitions=True):
        if (getattr(node, "lineno", 0), getattr(node, "col_offset", 0)) <= end:
            continue
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store):
            rebinding = min(rebinding or (node.lineno, node.col_offset), (node.lineno, node.col_offset))
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Name) and (
            node.args[0].id == name
        ):
            callee = dotted(node.func) or ""
            if callee.endswith(".load_state_dict") or callee.rpartition(".")[2] == "save":
                uses.append(((node.lineno, node.col_offset), f"{callee}({name})"))
    uses = [use for position, use in sorted(uses) if rebinding is None or position < rebinding]
    return uses[0] if uses else None
