"""DET427: `nn.Parameter(...)` built in a module's `forward()` on every call."""

from __future__ import annotations

import ast
from typing import Iterator

from ..syntax.ast_syntax import FUNCTIONS, dotted
from ._base import Breaks, Example, FileRule

# A block that may not run on a call: lazy initialisation (`if self.w is None:`) builds once.
CONDITIONAL = (ast.If, ast.IfExp, ast.Try, getattr(ast, "Match", ast.If))  # match: Python 3.10+


class ParameterBuiltInForward(FileRule):
    code = "DET427"
    name = "parameter-built-in-forward"
    message = "{call} builds a new parameter each forward(): no optimizer holds it, it never trains"
    needs = (r"Parameter", r"def\s+forward\b")
    what = (
        "Flags `nn.Parameter(...)` called in the `forward()` of an `nn.Module` subclass of the "
        "file, outside any `if` or `try`: assigned to `self.<name>`, to a local name, or used "
        "directly. One built under a condition (lazy initialisation on the first call) or with "
        "`requires_grad=False` (a constant) is left alone."
    )
    why = (
        "An optimizer holds the parameters that existed when it was built. A parameter made in "
        "`forward()` is a new leaf on every call: assigned to `self.w` it replaces the registered "
        "one, which never gets a gradient again, and the new one is in no optimizer; as a local "
        "it starts from its initial value each call. Either way the weight never learns, and no "
        "error is raised. Build the parameter once in `__init__` and use it in `forward()`."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.nn.parameter.Parameter.html",)
    examples = (
        Example(
            bad="""\
import torch


class Scale(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.scale = torch.nn.Parameter(torch.ones(1))

    def forward(self, x):
        self.scale = torch.nn.Parameter(torch.ones(1))  # expect: DET427
        return x * self.scale


model = Scale()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for _ in range(2):
    optimizer.zero_grad()
    model(torch.ones(1)).sum().backward()
    optimizer.step()
""",
            good="""\
import torch


class Scale(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.scale = torch.nn.Parameter(torch.ones(1))

    def forward(self, x):
        return x * self.scale


model = Scale()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for _ in range(2):
    optimizer.zero_grad()
    model(torch.ones(1)).sum().backward()
    optimizer.step()
""",
            proof=Breaks("model(torch.ones(1)).item() != 1.0"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        found = []
        for cls in index.class_nodes:
            if cls.name not in index.module_classes:
                continue
            for method in cls.body:
                if isinstance(method, FUNCTIONS) and method.name == "forward":
                    for call in _unconditional_calls(method.body):
                        if index.imports.qualname_of_dotted(dotted(call.func)) == "torch.nn.Parameter" and not _frozen(call):
                            found.append((call, {"call": index.code_of(call.func) + "(...)"}))
        return found


def _frozen(call: ast.Call) -> bool:
    """`nn.Parameter(t, requires_grad=False)` (or False by position): a constant, not meant to learn."""
    flag = next((k.value for k in call.keywords if k.arg == "requires_grad"), call.args[1] if len(call.args) > 1 else None)
    return isinstance(flag, ast.Constant) and flag.value is False


def _unconditional_calls(body: list) -> Iterator[ast.Call]:
    """The calls that run on every call of the function: not under a condition nor in a
    function or class defined in it."""
    stack = list(reversed(body))
    while stack:
        node = stack.pop()
        if isinstance(node, (*CONDITIONAL, *FUNCTIONS, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Call):
            yield node
        stack.extend(reversed(list(ast.iter_child_nodes(node))))
