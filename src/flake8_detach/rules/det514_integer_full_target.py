"""DET514: labels made by torch.full with an integer fill (int64 since PyTorch 1.7) given to a BCE loss."""

from __future__ import annotations

import ast
from typing import Optional

from ..syntax.ast_syntax import dotted, function_scopes, scope_nodes, statements
from ._base import Example, Raises, FileRule

# Binary cross-entropy losses: their target must be floating point.
BCE_CLASSES = frozenset(("torch.nn.BCELoss", "torch.nn.BCEWithLogitsLoss"))
BCE_FUNCTIONS = frozenset((
    "torch.nn.functional.binary_cross_entropy",
    "torch.nn.functional.binary_cross_entropy_with_logits",
))


class IntegerFullTarget(FileRule):
    code = "DET514"
    name = "integer-full-target"
    message = "{label} is int64 (torch.full of an int, since 1.7): a BCE loss given it raises RuntimeError"
    needs = (r"\bfull\s*\(", r"BCE|binary_cross_entropy")
    raises = "RuntimeError"
    what = (
        "Flags `torch.full(size, fill)` without `dtype=`, where the fill is an integer (a literal, "
        "or a name the file binds only to integer literals: `real_label = 1`), when the tensor "
        "it makes, bound to a name, is given as the target of a binary cross-entropy loss "
        "(`nn.BCELoss()`, `nn.BCEWithLogitsLoss()`, `F.binary_cross_entropy(_with_logits)`)."
    )
    why = (
        "Since PyTorch 1.7 `torch.full` infers its dtype from the fill value, as `torch.tensor` "
        "does: an integer fill gives an int64 tensor (it gave float32 before). The DCGAN-style "
        "`label = torch.full((b_size,), real_label)` with `real_label = 1` now makes integer "
        "labels, and `BCELoss` raises `Found dtype Long but expected Float` on the first batch "
        "(`BCEWithLogitsLoss` cannot cast its result to Long). Write the fill as a float "
        "(`1.`) or pass `dtype=torch.float`."
    )
    references = ("https://github.com/pytorch/pytorch/releases/tag/v1.7.0",)
    examples = (
        Example(
            bad="""\
import torch

real_label = 1
criterion = torch.nn.BCELoss()
output = torch.sigmoid(torch.randn(4, requires_grad=True))
label = torch.full((4,), real_label)  # expect: DET514
loss = criterion(output, label)
""",
            good="""\
import torch

real_label = 1.
criterion = torch.nn.BCELoss()
output = torch.sigmoid(torch.randn(4, requires_grad=True))
label = torch.full((4,), real_label)
loss = criterion(output, label)
""",
            proof=Raises("RuntimeError", "Found dtype Long but expected Float"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        integer_names = _integer_names(index.tree)
        losses = {name for name, call in _bindings(index.tree) if _qualname(index, call) in BCE_CLASSES}
        found = []
        for scope in function_scopes(index.tree):
            labels: dict = {}  # name -> the first integer torch.full bound to it, None if bound to anything else
            for node in scope_nodes(scope.body, skip_definitions=True):
                if isinstance(node, ast.Assign):
                    for target in node.targets:
                        if isinstance(target, ast.Name) and labels.get(target.id, True) is not None:
                            call = node.value if _integer_full(index, node.value, integer_names) else None
                            earlier = labels.get(target.id)
                            if call is None:
                                labels[target.id] = None
                            elif earlier is None or call.lineno < earlier.lineno:
                                labels[target.id] = call
            if not any(labels.values()):
                continue
            for node in scope_nodes(scope.body, skip_definitions=True):
                label = _bce_target(index, node, losses)
                if label is not None and labels.get(label) is not None:
                    found.append((labels[label], {"label": label}))
        return list({id(call): (call, fields) for call, fields in found}.values())


def _qualname(index, call: ast.expr) -> str:
    if not isinstance(call, ast.Call):
        return ""
    return index.imports.qualname_of_dotted(dotted(call.func)) or ""


def _bindings(tree: ast.Module):
    """(dotted target, value) of every assignment of the file to one name or attribute."""
    for node in statements(tree.body):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                name = dotted(target)
                if name:
                    yield name, node.value


def _integer_names(tree: ast.Module) -> set:
    """Names the file binds only to integer literals (`real_label = 1`)."""
    kinds: dict = {}
    for name, value in _bindings(tree):
        is_int = isinstance(value, ast.Constant) and type(value.value) is int
        kinds[name] = kinds.get(name, True) and is_int
    return {name for name, only_ints in kinds.items() if only_ints}


def _integer_full(index, value: ast.expr, integer_names: set) -> bool:
    """`torch.full(size, fill)` without a dtype, its fill an integer."""
    if _qualname(index, value) != "torch.full" or any(k.arg == "dtype" for k in value.keywords):
        return False
    fill = value.args[1] if len(value.args) > 1 else next((k.value for k in value.keywords if k.arg == "fill_value"), None)
    if isinstance(fill, ast.Constant):
        return type(fill.value) is int
    return isinstance(fill, ast.Name) and fill.id in integer_names


def _bce_target(index, node: ast.AST, losses: set) -> Optional[str]:
    """The name given as the target of a BCE loss call at `node`, if it is one."""
    if not isinstance(node, ast.Call):
        return None
    callee = dotted(node.func)
    is_bce = (
        _qualname(index, node) in BCE_FUNCTIONS
        or callee in losses
        or isinstance(node.func, ast.Call) and _qualname(index, node.func) in BCE_CLASSES
    )
    if not is_bce:
        return None
    target = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == "target"), None)
    return target.id if isinstance(target, ast.Name) else None
