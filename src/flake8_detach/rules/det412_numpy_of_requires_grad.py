"""DET412: .numpy() of a tensor that requires grad."""

from __future__ import annotations

import ast

import libcst as cst

from ..syntax.ast_syntax import dotted
from ..syntax.cst_syntax import call_method, dotted_name, method_name
from ..findings import SAFE
from ._base import Example, Raises, WalkRule
from ._leaves import builds_module_or_parameter, makes_leaves

NUMPY_CONVERSIONS = frozenset(("np.array", "np.asarray", "numpy.array", "numpy.asarray"))


class NumpyOfRequiresGrad(WalkRule):
    code = "DET412"
    name = "numpy-of-requires-grad"
    message = "{tensor} requires grad: {call} raises RuntimeError (detach() it first)"
    needs = (r"numpy|asarray|array\s*\(", r"\.numpy\s*\(\s*\)|\b(np|numpy)\.as(array)?\s*\(|\b(np|numpy)\.array\s*\(")
    raises = "RuntimeError"
    what = (
        "Flags `t.numpy()`, `np.array(t)` and `np.asarray(t)` where `t` is proven to require grad: "
        "a leaf made with `requires_grad=True`, an op on one, or the output of a module whose "
        "parameters require grad (built here from `torch.nn`, or updated by an optimizer of the "
        "file that nothing freezes), computed with grad on."
    )
    why = (
        "A tensor that requires grad belongs to the autograd graph; NumPy cannot hold that, so "
        "the conversion raises \"Can't call numpy() on Tensor that requires grad\". Plotting, "
        "metrics and logging code hits it with model outputs. Detach first (`t.detach().numpy()`), "
        "or compute the value under `torch.no_grad()`."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.Tensor.numpy.html",)
    fix_safety = SAFE  # the same values, and the call no longer raises
    fix_title = "detach first: `t.numpy()` -> `t.detach().numpy()`"
    examples = (
        Example(
            bad="""\
import torch
import torch.nn as nn

model = nn.Linear(3, 2)
scores = model(torch.ones(4, 3))
table = scores.numpy()  # expect: DET412
""",
            good="""\
import torch
import torch.nn as nn

model = nn.Linear(3, 2)
scores = model(torch.ones(4, 3))
table = scores.detach().numpy()
""",
            proof=Raises("RuntimeError", r"Can't call numpy\(\) on Tensor that requires grad"),
        ),
        Example(
            bad="""\
import numpy as np
import torch

w = torch.randn(3, requires_grad=True)
peak = np.asarray(w * 2).max()  # expect: DET412
""",
            good="""\
import numpy as np
import torch

w = torch.randn(3, requires_grad=True)
peak = np.asarray((w * 2).detach()).max()
""",
            proof=Raises("RuntimeError", r"Can't call numpy\(\) on Tensor that requires grad"),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """A `.numpy()` call (or `np.array(t)`, `np.asarray(t)`) and something that can require
        grad: a leaf made here, a torch.nn module built here, or one built in an `__init__`
        (`self.<name>`) or at module level: its outputs and parameters."""
        calls = scope.of(ast.Call)
        if not any(
            isinstance(call.func, ast.Attribute) and call.func.attr == "numpy" and not call.args
            or dotted(call.func) in NUMPY_CONVERSIONS and len(call.args) == 1
            for call in calls
        ):
            return False
        if makes_leaves(scope, index.imports):
            return True

        def builds_module(expr: ast.AST) -> bool:  # torch.nn's, the file's or the project's module class
            if builds_module_or_parameter(expr, index.imports):
                return True
            name = expr.func.id if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) else None
            return name is not None and (name in index.module_classes or index.imported_kind(name) == "module")

        modules = {name for name, built in index.built_globals.items() if builds_module(built)}
        attributes = {
            attribute for built_here in index.built_attributes.values() for attribute, built in built_here.items()
            if builds_module(built)
        }
        return (
            any(isinstance(node.value, ast.Name) and node.value.id == "self" and node.attr in attributes
                for node in scope.of(ast.Attribute))
            or any(node.id in modules for node in scope.of(ast.Name))
            or any(builds_module(node) for node in calls)
        )

    def on_call(self, call) -> None:
        if method_name(call) == "numpy" and not call.args and isinstance(call.func, cst.Attribute):
            tensor = call.func.value
            is_clone = isinstance(tensor, cst.Call) and method_name(tensor) == "clone"  # DET301 reports that one
            if self.ctx.value(tensor).grad is True and not is_clone:
                fix = self.fix((tensor, call_method(tensor, "detach")))
                self.report(call, fix=fix, tensor=self.ctx.text(tensor), call="numpy()")
        elif dotted_name(call.func) in NUMPY_CONVERSIONS and len(call.args) == 1 and call.args[0].keyword is None:
            tensor = call.args[0].value
            if self.ctx.value(tensor).grad is True:
                fix = self.fix((tensor, call_method(tensor, "detach")))
                self.report(call, fix=fix, tensor=self.ctx.text(tensor), call=f"{dotted_name(call.func)}()")
