"""DET427: `nn.Parameter(...)` built in a module's `forward()` on every call."""

from __future__ import annotations

import ast
import re
from typing import Iterator

from .. import torchapi
from ..syntax.ast_syntax import FUNCTIONS, dotted
from ..syntax.source_lines import word_starts
from ._base import Breaks, Example, FileRule

# Blocks that may not run on a call: `try` (a fallback), a conditional expression, `match`.
SKIPPED = (ast.IfExp, ast.Try, getattr(ast, "Match", ast.IfExp))  # match: Python 3.10+
WEIGHT_WORDS = frozenset({"Parameter", *torchapi.WEIGHTED_MODULES})


class ParameterBuiltInForward(FileRule):
    code = "DET427"
    name = "parameter-built-in-forward"
    message = "{call} builds new weights each forward(): no optimizer holds them, they never train"
    needs = (r"def\s+forward\b", "|".join(("Parameter", *sorted(torchapi.WEIGHTED_MODULES))))
    what = (
        "Flags `nn.Parameter(...)`, and torch.nn layers built with parameters (`nn.Linear`, "
        "`nn.Conv2d`, `nn.BatchNorm1d`, `nn.LayerNorm`, `nn.Embedding`, `nn.LSTM`...), called in "
        "the `forward()` of an `nn.Module` subclass of the file (or a method of the class it "
        "calls on every call, `self.apply_bn(x)`), outside a `try` or a lazy initialisation's "
        "test (`if self.w is None:`, `if not hasattr(self, 'w'):`), and not rebuilt from state "
        "the method updates (an EMA codebook: `self._ema_w = nn.Parameter(self._ema_w * decay + "
        "...)`): "
        "assigned to `self.<name>`, to a local name, or used directly. One built under a "
        "condition (lazy initialisation on the first call), a parameter with "
        "`requires_grad=False` (a constant) and a norm built with `affine=False` are left alone."
    )
    why = (
        "An optimizer holds the parameters that existed when it was built. Weights made in "
        "`forward()` are new leaves on every call: assigned to `self.w` they replace the "
        "registered ones, which never get a gradient again, and the new ones are in no "
        "optimizer; as a local layer they start from a fresh random initialisation each call. "
        "Either way they never learn, the output is random from call to call, and a batch norm "
        "built there stays in training mode after `model.eval()`. No error is raised. Build the "
        "layer or parameter once in `__init__` and use it in `forward()`."
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
        # A method that can build weights names one (its code holds the word, or a local name
        # the file imports one under): the others are not walked.
        words = WEIGHT_WORDS | {local for local, qualname in index.imports.names.items()
                                if qualname.rpartition(".")[2] in WEIGHT_WORDS}
        for cls in index.class_nodes:
            code = index.code_of(cls)
            if cls.name not in index.module_classes or not _names_one(code, words):
                continue
            building = {node.name for node in cls.body if isinstance(node, FUNCTIONS) and _names_one(index.code_of(node), words)}
            # forward() runs another method only through `self.<name>(...)`.
            if not any(name == "forward" or re.search(rf"\bself[\s\\]*\.[\s\\]*{re.escape(name)}\b", code) for name in building):
                continue
            for method in _run_by_forward(cls):
                if method.name not in building:
                    continue
                calls = [call for call in _unconditional_calls(method.body)
                         if _builds_weights(call, index.imports.qualname_of_dotted(dotted(call.func)) or "")]
                updated = _assigned_attributes(method) if calls else set()
                found += [(call, {"call": index.code_of(call.func) + "(...)"})
                          for call in calls if not updated & _read_attributes(call)]
        return found


def _names_one(code: str, words: set) -> bool:
    """Whether one of `words` occurs in `code` as a word."""
    return any(next(word_starts(code, word), None) is not None for word in words)


def _run_by_forward(cls: ast.ClassDef) -> list:
    """`forward()` and the methods of the class it calls on every call (`self.apply_bn(x)`),
    and those they call."""
    methods = {node.name: node for node in cls.body if isinstance(node, FUNCTIONS)}
    if "forward" not in methods:
        return []
    run, stack = {"forward"}, [methods["forward"]]
    while stack:
        for call in _unconditional_calls(stack.pop().body):
            func = call.func
            if (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self"
                    and func.attr in methods and func.attr not in run):
                run.add(func.attr)
                stack.append(methods[func.attr])
    return [methods[name] for name in methods if name in run]


def _assigned_attributes(method: ast.AST) -> set:
    """The dotted `self.` attributes the method assigns (`self._ema_w = ...`)."""
    return {
        dotted(target) for node in ast.walk(method) if isinstance(node, ast.Assign)
        for target in node.targets if isinstance(target, ast.Attribute) and (dotted(target) or "").startswith("self.")
    }


def _read_attributes(call: ast.Call) -> set:
    """The dotted attributes a call's arguments read: a parameter rebuilt from state the method
    updates (an EMA codebook, `nn.Parameter(self._ema_w * decay + ...)`) carries it on."""
    return {dotted(node) for arg in (*call.args, *(k.value for k in call.keywords)) for node in ast.walk(arg)
            if isinstance(node, ast.Attribute)}


def _builds_weights(call: ast.Call, qualname: str) -> bool:
    """`nn.Parameter(...)` but one that does not require grad (a constant), or a torch.nn layer
    built with parameters (`nn.Linear(...)`, not `nn.LayerNorm(n, elementwise_affine=False)`)."""
    if qualname == "torch.nn.Parameter":
        flag = next((k.value for k in call.keywords if k.arg == "requires_grad"), call.args[1] if len(call.args) > 1 else None)
        return not (isinstance(flag, ast.Constant) and flag.value is False)
    head, _, last = qualname.rpartition(".")
    return head == "torch.nn" and last in torchapi.WEIGHTED_MODULES and not any(
        k.arg in torchapi.AFFINE_KEYWORDS and isinstance(k.value, ast.Constant) and k.value.value is False for k in call.keywords
    )


def _unconditional_calls(body: list) -> Iterator[ast.Call]:
    """The calls that run on every call of the function (where a switch of the module holds,
    `if self.bn:`): not under a lazy initialisation's test, in a `try`, nor in a function or
    class defined in it."""
    stack = list(reversed(body))
    while stack:
        node = stack.pop()
        if isinstance(node, (*SKIPPED, *FUNCTIONS, ast.ClassDef, ast.Lambda)) or isinstance(node, ast.If) and _lazy(node):
            continue
        if isinstance(node, ast.Call):
            yield node
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def _lazy(branch: ast.If) -> bool:
    """A test that builds once: `if self.w is None`, `if not hasattr(self, "w")`, `if not
    self.built`, or one whose block rebinds an attribute the test reads (`if self.expand: ...;
    self.expand = False`)."""
    test = branch.test
    if any(
        isinstance(node, ast.Constant) and node.value is None
        or isinstance(node, ast.Name) and node.id == "hasattr"
        or isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)
        for node in ast.walk(test)
    ):
        return True
    read = {dotted(node) for node in ast.walk(test) if isinstance(node, ast.Attribute)}
    return any(
        dotted(target) in read for node in branch.body if isinstance(node, ast.Assign) for target in node.targets
    )
