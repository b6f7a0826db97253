"""DET102/DET103: in-place writes that autograd detects, and raises on."""

from __future__ import annotations

import ast

import libcst as cst

from ..regions import callee_name, scope_nodes
from ..syntax import viewed_name
from ._base import BACKWARD, INPLACE, LEAF, Example, Raises, Rule, Violation


class InplaceOnSavedTensor(Rule):
    code = "DET102"
    name = "inplace-on-saved-tensor"
    message = "{op} on {target} overwrites a tensor saved for backward: backward() raises RuntimeError"
    needs = (BACKWARD, INPLACE)  # a finding needs a backward() to reach
    what = (
        "Flags in-place writes into a tensor that an earlier op saved for its backward pass, when "
        "a value computed from that op later reaches `backward()`: the output of "
        "`sigmoid`/`tanh`/`exp`/`softmax`/`log_softmax`/`relu`/`sqrt`/`rsqrt`/`reciprocal`, or an "
        "input of `*`, `/`, `@` or `**` whose other operand is known to require grad."
    )
    why = (
        "Autograd keeps the tensors that an op's derivative needs. An in-place write bumps the "
        "tensor's version counter, and `backward()` then refuses to use it: \"one of the variables "
        "needed for gradient computation has been modified by an inplace operation\". Use the "
        "out-of-place op (`y = y * 2` instead of `y.mul_(2)`)."
    )
    references = ("https://pytorch.org/docs/stable/notes/autograd.html#in-place-correctness-checks",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
y = torch.sigmoid(w)  # sigmoid saves its output for backward
y.mul_(2)  # expect: DET102
y.sum().backward()
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
y = torch.sigmoid(w)
y = y * 2
y.sum().backward()
""",
            proof=Raises("RuntimeError", "modified by an inplace operation"),
        ),
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
x = torch.ones(3)
z = x * w  # the gradient for w is x: mul saves x
x.add_(1)  # expect: DET102
z.sum().backward()
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
x = torch.ones(3)
z = x * w
x = x + 1
z.sum().backward()
""",
            proof=Raises("RuntimeError", "modified by an inplace operation"),
        ),
    )

    def on_inplace(self, target, site, op, source) -> None:
        name = viewed_name(target)
        if name is None or self.ctx.grad_mode is False:
            return
        violation = Violation(self.code, self.message.format(op=op, target=self.ctx.text(target)), site)
        for graph in self.ctx.names_whose_graph_saved(name):
            self.ctx.pend_on_name(graph, violation)


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
            value = self.ctx.state.get(name)  # a view of the leaf
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
