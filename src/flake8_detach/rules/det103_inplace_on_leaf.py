"""DET103: in-place writes into a leaf that requires grad, outside no_grad."""

from __future__ import annotations

import ast

import libcst as cst

from ..ast_syntax import callee_name, scope_nodes
from ..cst_syntax import viewed_name
from ._base import INPLACE, LEAF, Example, Raises, Rule


class InplaceOnLeaf(Rule):
    code = "DET103"
    name = "inplace-on-leaf"
    message = "{op} on {target}, a leaf that requires grad, raises RuntimeError outside no_grad"
    needs = (LEAF, INPLACE)
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
    def possible_in(nodes: list, imports) -> bool:
        """A leaf that requires grad (`Parameter(...)`, `requires_grad=...`, `requires_grad_()`)
        is bound to a local name or written in place directly: not only to `self.weight`."""
        for node in nodes:
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(not isinstance(t, ast.Attribute) for t in targets) and _makes_leaf(node.value, imports):
                    return True
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr == "requires_grad_":
                    return True  # `x.requires_grad_()` makes a leaf of x
                if node.func.attr.endswith("_") and _makes_leaf(node.func.value, imports):
                    return True  # `nn.Parameter(t).mul_(2)`
            if isinstance(node, ast.Attribute) and node.attr == "requires_grad" and isinstance(node.ctx, ast.Store):
                return True
        return False

    def on_inplace(self, target, site, op, source) -> None:
        if self.ctx.grad_mode is not True:
            return
        value = self.ctx.value(target)
        name = viewed_name(target)
        if not (value.grad and value.leaf) and name is not None and not isinstance(target, cst.Name):
            value = self.ctx.value_of_name(name)  # a view of the leaf
        if value.grad and value.leaf:
            self.report(site, op=op, target=self.ctx.text(target))


def _makes_leaf(expr: ast.AST, imports) -> bool:
    """Whether `expr` holds a call that makes a leaf that requires grad, or may."""
    for node in scope_nodes([expr]):
        if isinstance(node, ast.Call) and (
            callee_name(node, imports) in ("Parameter", "Variable", "requires_grad_")
            or any(keyword.arg == "requires_grad" for keyword in node.keywords)
        ):
            return True
    return False
