"""DET103: in-place writes into a leaf that requires grad, outside no_grad."""

from __future__ import annotations

import ast

import libcst as cst

from ..syntax.ast_syntax import dotted
from ..syntax.cst_syntax import viewed_name
from ._base import INPLACE, LEAF, Example, Raises, WalkRule
from ._leaves import builds_module_or_parameter, makes_leaf


class InplaceOnLeaf(WalkRule):
    code = "DET103"
    name = "inplace-on-leaf"
    message = "{op} on {target}, a leaf that requires grad, raises RuntimeError outside no_grad"
    needs = (LEAF, INPLACE)
    raises = "RuntimeError"
    what = (
        "Flags in-place writes (`w.add_(1)`, `w += 1`, `w[0] = 1`, `nn.Parameter(t).mul_(2)`) "
        "into a leaf tensor created with `requires_grad=True`, or a view of one, where grad mode "
        "is on."
    )
    why = (
        "Autograd cannot record an in-place change to a leaf that requires grad: PyTorch raises "
        "\"a leaf Variable that requires grad is being used in an in-place operation\". Updates "
        "to parameters (initialisation, optimiser steps) belong under `torch.no_grad()`."
    )
    references = ("https://pytorch.org/docs/stable/notes/autograd.html#locally-disabling-gradient-computation",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.zeros(3, requires_grad=True)
w.add_(1)  # expect: DET103
""",
            good="""\
import torch

w = torch.zeros(3, requires_grad=True)
with torch.no_grad():
    w.add_(1)
""",
            proof=Raises("RuntimeError", "leaf Variable that requires grad is being used in an in-place operation"),
        ),
        Example(
            bad="""\
import torch

w = torch.zeros(3, requires_grad=True)
w[0] = 1.0  # expect: DET103
""",
            good="""\
import torch

w = torch.zeros(3, requires_grad=True)
with torch.no_grad():
    w[0] = 1.0
""",
            proof=Raises("RuntimeError", "leaf Variable that requires grad is being used in an in-place operation"),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """A leaf that requires grad (`Parameter(...)`, `requires_grad=...`, `requires_grad_()`)
        is bound to a local name or written in place directly; or a name bound to a torch.nn
        module (`conv = nn.Conv2d(...)`), or `self.w` bound to a Parameter, here or at module
        level or in an `__init__`, is written through in place (`conv.weight.zero_()`,
        `self.w.uniform_()`) in the same code."""
        imports = index.imports
        holders = set()  # dotted names bound to a module or a Parameter
        written = set()  # dotted roots of in-place writes
        for node in scope.of(ast.Attribute):
            if node.attr == "requires_grad" and isinstance(node.ctx, ast.Store):
                return True
        for node in scope.of(ast.Assign, ast.AnnAssign):
            if node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(not isinstance(t, ast.Attribute) for t in targets) and makes_leaf(node.value, imports):
                    return True
                if builds_module_or_parameter(node.value, imports):
                    holders.update(filter(None, (dotted(t) for t in targets)))
        for node in scope.of(ast.Call):
            if isinstance(node.func, ast.Attribute):
                if node.func.attr == "requires_grad_":
                    return True  # `x.requires_grad_()` makes a leaf of x
                if node.func.attr.endswith("_") and makes_leaf(node.func.value, imports):
                    return True  # `nn.Parameter(t).mul_(2)`
                if node.func.attr.endswith("_"):
                    written.update(_prefixes(node.func.value))
        for node in scope.of(ast.Subscript):
            if isinstance(node.ctx, ast.Store):
                written.update(_prefixes(node.value))
        if not written:
            return False
        # Modules built at module level or in an __init__ are known where used (Evaluator.built).
        holders.update(name for name, built in index.built_globals.items() if builds_module_or_parameter(built, imports))
        holders.update(
            f"self.{attribute}"
            for attributes in index.built_attributes.values()
            for attribute, built in attributes.items()
            if builds_module_or_parameter(built, imports)
        )
        return bool(holders & written)

    def on_inplace(self, target, site, op, source) -> None:
        if self.ctx.grad_mode is not True:
            return
        value = self.ctx.value(target)
        name = viewed_name(target)
        if not (value.grad and value.leaf) and name is not None and not isinstance(target, cst.Name):
            value = self.ctx.value_of_name(name)  # a view of the leaf
        # A module's parameters are often copied into by helpers that their callers run under
        # no_grad(): there, only where grad mode is evidently on (training code, __init__).
        if value.grad and value.leaf and (not value.modules or self.ctx.grad_mode_is_evident()):
            self.report(site, op=op, target=self.ctx.text(target))


def _prefixes(expr: ast.AST) -> list:
    """`conv.weight[0]` -> `conv.weight`, `conv`: the dotted names a write lands under (none
    for a write through `.data` or `.grad`, which no leaf error follows)."""
    while isinstance(expr, ast.Subscript):
        expr = expr.value
    found = []
    while isinstance(expr, ast.Attribute):
        if expr.attr in ("data", "grad"):
            return []
        name = dotted(expr)
        if name:
            found.append(name)
        expr = expr.value
    if isinstance(expr, ast.Name):
        found.append(expr.id)
    return found
