"""DET504: the 0.3-era `loss.data[0]`, indexing a 0-dim tensor, which raises IndexError."""

from __future__ import annotations

import ast

import libcst as cst

from .. import torchapi
from ..ast_syntax import callee_name
from ..cst_syntax import call_method
from ..findings import SAFE
from ._base import LOSS_WORDS, Example, Raises, Rule


# Calls whose result may be the 0-dim value indexed (`x.sum()[0]`, `loss.data.cpu().numpy()[0]`).
ZERO_DIM_MAKERS = torchapi.FULL_REDUCTIONS | {"numpy", "cpu", "cuda", "detach", "float", "double"}


class ZeroDimIndex(Rule):
    code = "DET504"
    name = "zero-dim-index"
    message = "{expr} indexes a 0-dim tensor: IndexError since PyTorch 0.4 (use .item())"
    needs = (LOSS_WORDS, r"\[\s*-?\d+\s*\]")
    raises = "IndexError"
    what = (
        "Flags an integer index (`[0]`, `[-1]`) into a value known to be 0-dim: a torch loss "
        "(`F.cross_entropy(...)`, `criterion(...)` of an `nn.*Loss` built without "
        "`reduction='none'`), a full reduction (`x.sum()`, `x.mean()`, `torch.sum(x)`), their "
        "`.data`, `.detach()`, `.numpy()` and elementwise results. `loss.data[0]` and "
        "`loss[0]` are how code before PyTorch 0.4 read a loss's value."
    )
    why = (
        "Since PyTorch 0.4 a loss is a 0-dim tensor, and indexing it raises \"invalid index of a "
        "0-dim tensor. Use `tensor.item()`\" (a 0-d numpy array raises \"too many indices\"): "
        "old training loops stop at their first log line. `.item()` gives the number."
    )
    references = ("https://pytorch.org/blog/pytorch-0_4_0-migration-guide/",)
    fix_safety = SAFE  # `.item()` gives the Python number the index gave before 0.4
    fix_title = "read the number: `loss.data[0]` -> `loss.item()`"
    examples = (
        Example(
            bad="""\
import torch
import torch.nn as nn

criterion = nn.MSELoss()
w = torch.ones(3, requires_grad=True)
loss = criterion(w * 2, torch.zeros(3))
running_loss = 0.0
running_loss += loss.data[0]  # expect: DET504
""",
            good="""\
import torch
import torch.nn as nn

criterion = nn.MSELoss()
w = torch.ones(3, requires_grad=True)
loss = criterion(w * 2, torch.zeros(3))
running_loss = 0.0
running_loss += loss.item()
""",
            proof=Raises("IndexError", "invalid index of a 0-dim tensor"),
        ),
    )

    @staticmethod
    def possible_in(nodes: list, imports) -> bool:
        """An integer index into `.data`, into what a loss or reduction call gives, or into a
        name bound to such a call."""
        def makes_zero_dim(expr: ast.AST) -> bool:
            if isinstance(expr, ast.Attribute):
                return expr.attr == "data"
            if not isinstance(expr, ast.Call):
                return False
            name = callee_name(expr, imports)
            return "loss" in name.lower() or "criterion" in name.lower() or name in ZERO_DIM_MAKERS

        bound = {
            target.id
            for node in nodes
            if isinstance(node, ast.Assign) and makes_zero_dim(node.value)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        return any(
            isinstance(node, ast.Subscript)
            and _is_integer_ast(node.slice)
            and (makes_zero_dim(node.value) or isinstance(node.value, ast.Name) and node.value.id in bound)
            for node in nodes
        )

    def on_subscript(self, subscript) -> None:
        if len(subscript.slice) != 1 or not _is_integer(subscript.slice[0].slice):
            return
        indexed = subscript.value
        if not self.ctx.value(indexed).zero_dim:
            return
        # `loss.data[0]` becomes `loss.item()`: the `.data` was only the 0.3 way to reach the value.
        if isinstance(indexed, cst.Attribute) and indexed.attr.value == "data":
            indexed = indexed.value
        fix = self.fix((subscript, call_method(indexed, "item").with_changes(lpar=subscript.lpar, rpar=subscript.rpar)))
        self.report(subscript, fix=fix, expr=self.ctx.text(subscript, 30))


def _is_integer(index: cst.BaseSlice) -> bool:
    if not isinstance(index, cst.Index):
        return False
    value = index.value
    if isinstance(value, cst.UnaryOperation) and isinstance(value.operator, cst.Minus):
        value = value.expression
    return isinstance(value, cst.Integer)


def _is_integer_ast(index: ast.AST) -> bool:
    if isinstance(index, ast.UnaryOp) and isinstance(index.op, ast.USub):
        index = index.operand
    return isinstance(index, ast.Constant) and type(index.value) is int
