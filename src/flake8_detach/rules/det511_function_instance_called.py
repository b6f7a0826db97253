"""DET511: an instance of an autograd Function called, the pre-1.3 way to run a custom op."""

from __future__ import annotations

import ast

from ..syntax.ast_syntax import FUNCTIONS, attribute_bindings, dotted, scope_nodes, subclasses
from ._base import Example, FileRule, Raises

FUNCTION_BASES = ("torch.autograd.Function", "torch.autograd.function.Function")


class FunctionInstanceCalled(FileRule):
    code = "DET511"
    name = "function-instance-called"
    message = "{call} calls a legacy autograd Function instance: RuntimeError (use {function}.apply)"
    needs = (r"Function",)
    raises = ("RuntimeError",)
    what = (
        "Flags a call of an instance of a `torch.autograd.Function` subclass of the file: "
        "`BinActive()(x)`, or an instance kept in a name or on `self` (`self.detect = "
        "Detect(...)` in `__init__`, `self.detect(loc, conf)` in `forward`) and called."
    )
    why = (
        "Before PyTorch 1.3 a custom op was a Function object with a `forward(self, ...)` "
        "method, built and then called. Those legacy Functions are gone: calling any Function "
        "instance raises \"Legacy autograd function with non-static forward method is "
        "deprecated\", so the model stops at its first forward. The op is now a class with "
        "static `forward(ctx, ...)` and `backward(ctx, ...)`, run as `Function.apply(...)`; "
        "state the old object held (`__init__` arguments) becomes arguments of `apply` (and "
        "`None` gradients for them in `backward`)."
    )
    references = ("https://pytorch.org/docs/stable/notes/extending.html#extending-torch-autograd",)
    examples = (
        Example(
            bad="""\
import torch
from torch.autograd import Function


class BinActive(Function):
    def forward(self, x):
        self.save_for_backward(x)
        return x.sign()

    def backward(self, grad):
        (x,) = self.saved_tensors
        return grad * (x.abs() <= 1)


x = torch.randn(4, requires_grad=True)
y = BinActive()(x)  # expect: DET511
""",
            good="""\
import torch
from torch.autograd import Function


class BinActive(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x.sign()

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * (x.abs() <= 1)


x = torch.randn(4, requires_grad=True)
y = BinActive.apply(x)
""",
            proof=Raises("RuntimeError", "Legacy autograd function with non-static forward method"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        functions = _function_classes(index)
        if not functions:
            return []
        found = []
        for node in ast.walk(index.tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Call):  # `BinActive()(x)`
                name = dotted(node.func.func)
                if name in functions:
                    found.append((node, {"call": f"{name}()(...)", "function": name}))
        held_attributes: dict = {}  # id(class) -> its `self.<attribute>`s bound to an instance
        for scope, owner in _scopes(index.tree):
            if owner is not None and id(owner) not in held_attributes:
                held_attributes[id(owner)] = _held_attributes(owner, functions)
            found += _held_instances_called(scope, held_attributes.get(id(owner), {}), functions)
        return found


def _function_classes(index) -> set:
    """The classes of the file that subclass torch.autograd.Function (directly or through
    another of them)."""
    return subclasses(index.class_nodes, lambda base: index.imports.qualname_of_dotted(dotted(base)) in FUNCTION_BASES)


def _scopes(tree: ast.Module):
    """(function, its class or None) for each function of the file, and (the module, None)."""
    yield tree, None
    methods = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for child in node.body:
                if isinstance(child, FUNCTIONS):
                    methods.add(id(child))
                    yield child, node
        elif isinstance(node, FUNCTIONS) and id(node) not in methods:
            yield node, None


def _held_attributes(owner: ast.ClassDef, functions: set) -> dict:
    """`self.<attribute>` -> the Function class whose instance some method of `owner` binds it to."""
    return {
        f"self.{attribute}": dotted(value.func)
        for attribute, bound in attribute_bindings(owner).items()
        for statement, value, _ in bound
        if isinstance(statement, ast.Assign) and isinstance(value, ast.Call) and dotted(value.func) in functions
    }


def _held_instances_called(scope: ast.AST, attributes: dict, functions: set) -> list:
    """Calls, in `scope`, of a local name it binds to an instance of one of `functions`, or
    (in a method) of one of its class's `attributes` that hold one."""
    nodes = list(scope_nodes(scope.body, skip_definitions=True))
    held: dict = dict(attributes)
    for node in nodes:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and dotted(node.value.func) in functions:
            for target in node.targets:
                if isinstance(target, ast.Name):
                    held[target.id] = dotted(node.value.func)
    found = []
    for node in nodes:
        if isinstance(node, ast.Call) and not isinstance(node.func, ast.Call):
            name = dotted(node.func)
            if name in held:
                found.append((node, {"call": f"{name}(...)", "function": held[name]}))
    return found
