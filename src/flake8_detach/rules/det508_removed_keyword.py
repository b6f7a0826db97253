"""DET508: keywords of torch callables that were removed, or whose default was removed, so
that old calls now raise."""

from __future__ import annotations

import ast
from typing import Iterator

import libcst as cst

from ..engine.facts import CARRIES_GRAPH
from ..findings import SAFE, UNSAFE, Fix
from ..syntax.ast_syntax import dotted
from ..syntax.cst_syntax import with_keyword
from ..torchapi import CHANGED_KEYWORDS, ChangedKeyword
from ._base import Example, Raises, WalkRule
from ._prechecks import scope_imports

# The table of changed keywords (torchapi.CHANGED_KEYWORDS), by callee: a row there is a rule
# instance here, proven by its example in tests/test_removed_apis.py.
FUNCTIONS: dict = {}  # torch qualname -> rows
MODULES: dict = {}  # module of `module.*` -> rows
METHODS: dict = {}  # Tensor method name -> rows
for _row in CHANGED_KEYWORDS:
    for _callee in _row.callees:
        if _callee.endswith(".*"):
            MODULES.setdefault(_callee[:-2], []).append(_row)
        elif _callee.startswith("Tensor."):
            METHODS.setdefault(_callee[len("Tensor."):], []).append(_row)
        else:
            FUNCTIONS.setdefault(_callee, []).append(_row)

REMOVED = frozenset(row.keyword for row in CHANGED_KEYWORDS if not row.required)
REQUIRED_BY = frozenset(
    callee.rpartition(".")[2] for row in CHANGED_KEYWORDS if row.required for callee in row.callees
)


class RemovedKeyword(WalkRule):
    code = "DET508"
    name = "removed-keyword"
    message = "{callee}() {change} since PyTorch {since}: this call raises {error} ({advice})"
    needs = (
        "|".join([rf"\b{keyword}\s*=(?!=)" for keyword in sorted(REMOVED)]
                 + [rf"\b{name}\s*\(" for name in sorted(REQUIRED_BY)]),
    )
    what = (
        "Flags calls of torch functions, classes and tensor methods with a keyword that was "
        "removed, or without one whose default was removed, from the versioned table of "
        "`torchapi.CHANGED_KEYWORDS`: `torch.autograd.backward(variables=...)` (0.4: "
        "`tensors=`), `verbose=` of the `torch.optim.lr_scheduler` classes (2.7), "
        "`multinomial()` without `num_samples` (0.4), `torch.stft()` without `return_complex` "
        "(2.0). The callee must be torch's: a name imported from torch, or a method of a value "
        "known to be a tensor (made by torch, or returned by a model or a loss). "
        "`retain_variables=` is DET503's."
    )
    why = (
        "Each of these calls raises under current PyTorch (TypeError: \"got an unexpected keyword "
        "argument\" or \"missing 1 required positional arguments\"; RuntimeError: \"stft requires "
        "the return_complex parameter be given for real inputs\"), so code written for the "
        "release before the change stops there."
    )
    references = (
        "https://pytorch.org/docs/stable/autograd.html#torch.autograd.backward",
        "https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate",
    )
    raises = ("TypeError", "RuntimeError")
    # Safe where the fix renames the keyword, passes the old default, or drops a keyword whose
    # value did nothing (`verbose=False`); dropping `verbose=True` loses the log: unsafe.
    fix_safety = SAFE
    fix_title = "rename the keyword, pass its old default, or drop it"
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
loss = (w ** 2).sum()
torch.autograd.backward(variables=[loss])  # expect: DET508
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
loss = (w ** 2).sum()
torch.autograd.backward(tensors=[loss])
""",
            proof=Raises("TypeError", "unexpected keyword argument 'variables'"),
        ),
        Example(
            bad="""\
import torch

probs = torch.softmax(torch.ones(4), dim=0)
action = probs.multinomial()  # expect: DET508
""",
            good="""\
import torch

probs = torch.softmax(torch.ones(4), dim=0)
action = probs.multinomial(num_samples=1)
""",
            proof=Raises("TypeError", "required positional arguments"),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """Some call of a callee in the table (by the file's and the scope's torch imports, or a
        method's name) passes a removed keyword, or leaves out a required one plainly."""
        imports = scope_imports(scope, index)
        for call in scope.of(ast.Call):
            name = imports.qualname_of_dotted(dotted(call.func))
            if name is not None:
                rows = [(row, False) for row in FUNCTIONS.get(name, []) + MODULES.get(name.rpartition(".")[0], [])]
            elif isinstance(call.func, ast.Attribute):
                rows = [(row, True) for row in METHODS.get(call.func.attr, ())]
            else:
                continue
            for row, method in rows:
                keywords = [keyword.arg for keyword in call.keywords]
                if not row.required and row.keyword in keywords:
                    return True
                starred = None in keywords or any(isinstance(arg, ast.Starred) for arg in call.args)
                if row.required and not starred and row.keyword not in keywords and len(call.args) <= place(row, method):
                    return True
        return False

    def on_call(self, call) -> None:
        for callee, method, row in self._rows(call):
            if row.required:
                self._check_required(call, callee, method, row)
            else:
                self._check_removed(call, callee, row)

    def _rows(self, call: cst.Call) -> Iterator:
        """(callee as the message names it, whether a method, row) for the table's rows of `call`."""
        name = self.ctx.qualname(call.func)
        if name is not None:
            for row in FUNCTIONS.get(name, ()):
                yield name, False, row
            for row in MODULES.get(name.rpartition(".")[0], ()):
                yield name, False, row
        elif isinstance(call.func, cst.Attribute) and call.func.attr.value in METHODS:
            receiver = self.ctx.value(call.func.value)
            if receiver.tensor or receiver.kind in CARRIES_GRAPH:  # a model's output is a tensor
                for row in METHODS[call.func.attr.value]:
                    yield f"Tensor.{call.func.attr.value}", True, row

    def _check_removed(self, call: cst.Call, callee: str, row: ChangedKeyword) -> None:
        for arg in call.args:
            if arg.keyword is not None and arg.keyword.value == row.keyword:
                self.report(arg, fix=_removal_fix(call, arg, row), raises=row.error,
                            **_fields(callee, f"has no {row.keyword}=", row))

    def _check_required(self, call: cst.Call, callee: str, method: bool, row: ChangedKeyword) -> None:
        if any(arg.star for arg in call.args) or any(
            arg.keyword is not None and arg.keyword.value == row.keyword for arg in call.args
        ):
            return  # given, or maybe given through *args or **kwargs
        if sum(arg.keyword is None for arg in call.args) > place(row, method):
            return
        fix = None
        if row.old_default is not None:
            fix = Fix(SAFE, f"pass the old default: `{row.keyword}={row.old_default}`",
                      ((call, with_keyword(call, row.keyword, cst.parse_expression(row.old_default))),))
        self.report(call, fix=fix, raises=row.error, **_fields(callee, f"needs {row.keyword}=", row))


def place(row: ChangedKeyword, method: bool) -> int:
    """The place of a required keyword among the positional arguments of the function, or of
    the method, whose receiver is the function's first argument."""
    return row.position - 1 if method else row.position


def _fields(callee: str, change: str, row: ChangedKeyword) -> dict:
    return {"callee": callee, "change": change, "since": row.since, "error": row.error, "advice": row.advice}


def _removal_fix(call: cst.Call, arg: cst.Arg, row: ChangedKeyword):
    """Rename the keyword; or drop it, safely where its value is the one that did nothing."""
    if row.renamed is not None:
        return Fix(SAFE, f"rename the keyword: `{row.keyword}=` -> `{row.renamed}=`", ((arg.keyword, cst.Name(row.renamed)),))
    if row.inert is None:
        return None
    args = [other for other in call.args if other is not arg]
    if args and arg is call.args[-1]:
        args[-1] = args[-1].with_changes(comma=arg.comma)  # the dropped argument's trailing comma, if any
    value = arg.value
    safety = SAFE if isinstance(value, cst.Name) and value.value == row.inert else UNSAFE
    return Fix(safety, f"drop `{row.keyword}=`", ((call, call.with_changes(args=args)),))
