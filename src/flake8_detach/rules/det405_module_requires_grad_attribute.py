"""DET405: `requires_grad` set on a module, where it is a plain attribute."""

from __future__ import annotations

import re

import libcst as cst

from .. import torchapi
from ..syntax.cst_syntax import last_name
from ..engine.facts import MODULE
from ..findings import UNSAFE
from ._base import Breaks, Example, WalkRule
from ._prechecks import writes_attribute


# Words that name data, not a model, beside a model word (`net_input`, `model_out`).
DATA_NAME = re.compile(r"(?:^|_)(?:inputs?|outputs?|out|data|x|z|noise|images?|batch|features?|states?|targets?)(?:_|$)", re.I)

class ModuleRequiresGradAttribute(WalkRule):
    code = "DET405"
    name = "module-requires-grad-attribute"
    message = "{module}.requires_grad = ... is a plain attribute on a module: its parameters are unchanged"
    needs = (r"requires_grad\s*=(?!=)",)
    what = (
        "Flags `model.requires_grad = False` where `model` is an `nn.Module`: built from a "
        "`torch.nn` class or a local `nn.Module` subclass in the same scope, or named like a model "
        "(`model`, `net`, `encoder`, `self.backbone`, ...) and not a tensor, or a layer indexed "
        "out of one (`model.classifier[3]`)."
    )
    why = (
        "`requires_grad` is a tensor attribute. On a module it is an ordinary new attribute: the "
        "parameters keep `requires_grad=True` and keep training. `model.requires_grad_(False)` "
        "sets the flag on every parameter."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.requires_grad_",)
    fix_safety = UNSAFE  # later code may read the attribute back
    fix_title = "call `model.requires_grad_(...)`"
    examples = (
        Example(
            bad="""\
import torch

model = torch.nn.Linear(2, 2)
model.requires_grad = False  # expect: DET405
""",
            good="""\
import torch

model = torch.nn.Linear(2, 2)
model.requires_grad_(False)
""",
            proof=Breaks("not model.weight.requires_grad"),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """`<something>.requires_grad = ...` is written (the need meets `requires_grad=` keywords too)."""
        return writes_attribute(scope, "requires_grad")

    def on_attr_assign(self, target, value, statement) -> None:
        if target.attr.value != "requires_grad" or not self._is_module(target.value):
            return
        fix = None
        if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
            call = cst.Call(
                func=cst.Attribute(value=target.value, attr=cst.Name("requires_grad_")), args=[cst.Arg(value)]
            )
            fix = self.fix((statement, cst.Expr(value=call, semicolon=statement.semicolon)))
        self.report(target, fix=fix, module=self.ctx.text(target.value))

    def _is_module(self, expr: cst.BaseExpression) -> bool:
        value = self.ctx.value(expr)
        if value.kind == MODULE:
            return True
        if value.tensor or value.grad is not None:
            return False
        if isinstance(expr, cst.Subscript):  # `model.classifier[3]`: a layer of a container module
            return self._is_module(expr.value)
        name = last_name(expr)
        if DATA_NAME.search(name):
            return False  # `net_input`, `model_output`: named for what goes through a model
        return name != "self" and torchapi.MODEL_NAME.search(name) is not None
