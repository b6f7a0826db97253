"""DET418: functional dropout in a module's method without `training=`: on in eval() too."""

from __future__ import annotations

import ast
from typing import Optional

import libcst as cst

from ..findings import UNSAFE
from ..syntax.ast_syntax import dotted
from ..syntax.cst_syntax import keyword_arg, with_keyword
from ._base import Breaks, Example, WalkRule

# torch.nn.functional's dropouts whose `training` (the third argument) defaults to True; the
# alpha dropouts default to False: they never drop unless asked (another mistake).
DROPOUTS = frozenset(f"torch.nn.functional.{name}" for name in "dropout dropout1d dropout2d dropout3d".split())
TRAINING_POSITION = 2


class FunctionalDropoutAlwaysOn(WalkRule):
    code = "DET418"
    name = "functional-dropout-always-on"
    message = "{call} without training= drops units in eval() too: pass training=self.training"
    needs = (r"dropout",)
    what = (
        "Flags `F.dropout(x, p)` (and `dropout1d/2d/3d`) called in a method of an `nn.Module` "
        "subclass without its `training` argument, by keyword or by position, where the file "
        "switches an instance of that class (or of a module holding one) to eval mode, or a "
        "script beside it or above it that imports the file switches a module to eval mode. "
        "A rate that the method is "
        "given as a parameter (`F.dropout(x, drop_prob)`) is the caller's to set, and is left alone."
    )
    why = (
        "The functional dropouts take `training=True` by default and know nothing of the "
        "module's mode: `model.eval()` switches `nn.Dropout` layers off, not these calls, so "
        "validation, test and inference outputs stay randomly dropped (and differ from run to "
        "run). Pass `training=self.training`, or use an `nn.Dropout` layer."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.nn.functional.dropout.html",)
    fix_safety = UNSAFE  # changes what eval() computes: the intent, but a behaviour change
    fix_title = "pass `training=self.training`"
    examples = (
        Example(
            bad="""\
import torch
import torch.nn as nn
import torch.nn.functional as F


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc(F.dropout(x, p=0.5))  # expect: DET418


torch.manual_seed(0)
model = Classifier().eval()
x = torch.ones(4, 8)
first, second = model(x), model(x)
""",
            good="""\
import torch
import torch.nn as nn
import torch.nn.functional as F


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc(F.dropout(x, p=0.5, training=self.training))


torch.manual_seed(0)
model = Classifier().eval()
x = torch.ones(4, 8)
first, second = model(x), model(x)
""",
            proof=Breaks("torch.equal(first, second)"),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """A call of a functional dropout that leaves `training` to its default."""
        return any(_leaves_training(call, index.imports.qualname_of_dotted(dotted(call.func))) for call in scope.of(ast.Call))

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.parameters: list = []  # per open scope: its parameters' names, in order

    def on_scope_start(self, scope) -> None:
        params = scope.params.params if isinstance(scope, cst.FunctionDef) else ()
        self.parameters.append([param.name.value for param in params])

    def on_scope_end(self, scope) -> None:
        self.parameters.pop()

    def on_call(self, call: cst.Call) -> None:
        name = self.ctx.qualname(call.func)
        parameters = self.parameters[-1]
        if name not in DROPOUTS or not self.ctx.in_evaluated_module_class or parameters[:1] != ["self"]:
            return  # a method's own `self` holds the mode (not a nested function's argument)
        positional = [arg.value for arg in call.args if arg.keyword is None]
        rate = keyword_arg(call, "p") or (positional[1] if len(positional) > 1 else None)
        if isinstance(rate, cst.Name) and rate.value in parameters:
            return  # the caller sets the rate (0 when it evaluates): `F.dropout(x, drop_prob)`
        if any(arg.star for arg in call.args) or any(arg.keyword is not None and arg.keyword.value == "training" for arg in call.args):
            return
        if len(positional) > TRAINING_POSITION:
            return  # given by position
        training = cst.Attribute(value=cst.Name("self"), attr=cst.Name("training"))
        self.report(call, fix=self.fix((call, with_keyword(call, "training", training))), call=f"{self.ctx.text(call.func)}()")


def _leaves_training(call: ast.Call, name: Optional[str]) -> bool:
    if name not in DROPOUTS or any(isinstance(arg, ast.Starred) for arg in call.args):
        return False
    return len(call.args) <= TRAINING_POSITION and not any(k.arg in ("training", None) for k in call.keywords)
