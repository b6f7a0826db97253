"""DET302: copy_() into a fresh buffer used as if it cut the autograd graph."""

from __future__ import annotations

import ast

import libcst as cst

from .. import torchapi
from ..syntax.ast_syntax import callee_name, scope_nodes
from ..syntax.cst_syntax import call_method
from ..engine.facts import FACTORY, may_carry_graph
from ..findings import UNSAFE
from ._base import Breaks, Example, WalkRule


class CopyNotACut(WalkRule):
    code = "DET302"
    name = "copy-not-a-cut"
    message = "copy_() into {buffer} is differentiable: {buffer} joins the graph of {source}"
    needs = ("copy_", r"zeros|ones|empty|full|rand|range|arange|linspace|logspace|eye|tensor|Tensor|from_numpy")
    what = (
        "Flags `buf.copy_(src)` outside `torch.no_grad()` where `buf` is a fresh tensor from a "
        "torch factory (`zeros`, `empty`, `zeros_like`, ...) and `src` requires grad or is a "
        "model's output."
    )
    why = (
        "`copy_()` is differentiable: after it, `buf` requires grad and has "
        "`grad_fn=CopyBackwards`, so the buffer is part of the graph it was meant to be "
        "separate from, and keeps that graph alive. `src.detach().clone()` makes an independent "
        "copy; `copy_()` under `torch.no_grad()` fills an existing buffer without the graph."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.Tensor.copy_.html",)
    fix_safety = UNSAFE  # `buf` then takes the source's dtype, device and shape
    fix_title = "copy outside the graph: `buf.copy_(src)` -> `buf = src.detach().clone()`"
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
buf = torch.zeros(3)
buf.copy_(w * 2)  # expect: DET302
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
buf = (w * 2).detach().clone()
""",
            fixed="""\
import torch

w = torch.ones(3, requires_grad=True)
buf = torch.zeros(3)
buf = (w * 2).detach().clone()
""",
            proof=Breaks("buf.grad_fn is None"),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """A fresh factory tensor is bound to a local name, or copied into directly."""
        imports = index.imports
        for node in scope.of(ast.Assign, ast.AnnAssign):
            if node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(isinstance(t, ast.Name) for t in targets) and _has_factory(node.value, imports):
                    return True
        return any(
            isinstance(node.func, ast.Attribute) and node.func.attr == "copy_" and _has_factory(node.func.value, imports)
            for node in scope.of(ast.Call)
        )

    def on_inplace(self, target, site, op, source) -> None:
        if op != "copy_()" or source is None or self.ctx.grad_mode is not True:
            return
        if self.ctx.value(target).kind == FACTORY and may_carry_graph(self.ctx.value(source)):
            self.report(site, fix=self._fix(target, site), buffer=self.ctx.text(target), source=self.ctx.text(source))

    def _fix(self, buffer: cst.BaseExpression, call: cst.Call):
        """Rebind the buffer to a detached copy, where the copy_() call is a statement of its own."""
        statement = self.ctx.statement
        if not (isinstance(buffer, cst.Name) and isinstance(statement, cst.Expr) and statement.value is call):
            return None
        if len(call.args) != 1 or call.args[0].keyword is not None:
            return None
        copy = call_method(call_method(call.args[0].value, "detach"), "clone")
        assignment = cst.Assign(targets=[cst.AssignTarget(buffer)], value=copy, semicolon=statement.semicolon)
        return self.fix((statement, assignment))


def _has_factory(expr: ast.AST, imports) -> bool:
    return any(
        isinstance(node, ast.Call) and callee_name(node, imports) in torchapi.FACTORIES
        for node in scope_nodes([expr])
    )
