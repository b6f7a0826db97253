"""DET404/DET405: `requires_grad` spelt wrong, or set on a module where it does nothing."""

from __future__ import annotations

import libcst as cst

from .. import torchapi
from ..facts import MODULE
from ..syntax import last_name
from ._base import SAFE, UNSAFE, Breaks, Example, Raises, Rule, method_name

# Misspellings seen in the wild, compared lower-case without underscores.
TYPOS = frozenset(
    """requiregrad requiregrads requiresgrads requiresgradient requiregradient requiresgradients
    requiregradients requiredgrad requiredgrads requiresgrade requirsgrad requiersgrad
    requiresgrd""".split()
)


def is_typo(name: str) -> bool:
    squashed = name.lower().replace("_", "")
    return name != "requires_grad" and (squashed in TYPOS or squashed == "requiresgrad")


class RequiresGradTypo(Rule):
    code = "DET404"
    name = "requires-grad-typo"
    message = "misspelt {typo} is not requires_grad: {effect}"
    needs = (r"equire(?!s_grad_?\b)\w*[Gg]rad",)  # (r)equire...grad, but not requires_grad
    what = (
        "Flags misspellings of `requires_grad` (`require_grad`, `requires_grads`, "
        "`requires_gradient`, ...) assigned as an attribute of a tensor or module "
        "(`p.require_grad = False`) or passed as a keyword to a torch call "
        "(`torch.zeros(3, require_grad=True)`)."
    )
    why = (
        "Tensors and modules accept any attribute name, so `p.require_grad = False` runs and "
        "freezes nothing: training silently updates the weights meant to stay fixed. As a keyword, "
        "torch rejects the misspelling with a TypeError."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.Tensor.requires_grad.html",)
    fix_safety = SAFE
    fix_title = "correct the spelling to `requires_grad`"
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
w.require_grad = False  # expect: DET404
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
w.requires_grad = False
""",
            proof=Breaks("w.requires_grad is False"),
        ),
        Example(
            bad="""\
import torch

w = torch.zeros(3, require_grad=True)  # expect: DET404
""",
            good="""\
import torch

w = torch.zeros(3, requires_grad=True)
""",
            proof=Raises("TypeError", "unexpected keyword argument 'require_grad'"),
        ),
    )

    def on_attr_assign(self, target, value, statement) -> None:
        base = self.ctx.value(target.value)
        if is_typo(target.attr.value) and (base.tensor or base.kind == MODULE):
            fix = self.fix((target.attr, cst.Name("requires_grad")))
            self.report(target, fix=fix, typo=target.attr.value, effect="the assignment changes nothing")

    def on_call(self, call) -> None:
        name = self.ctx.qualname(call.func)
        if name is None and method_name(call) != "requires_grad_":
            return
        if name is not None and any(part.startswith("_") for part in name.split(".")):
            return  # private API has its own spelling: Tensor._make_subclass(require_grad=...)
        for arg in call.args:
            if arg.keyword is not None and is_typo(arg.keyword.value):
                fix = self.fix((arg.keyword, cst.Name("requires_grad")))
                self.report(arg, fix=fix, typo=arg.keyword.value, effect="raises TypeError")


class ModuleRequiresGradAttribute(Rule):
    code = "DET405"
    name = "module-requires-grad-attribute"
    message = "{module}.requires_grad = ... sets a plain attribute on a module: it freezes nothing"
    needs = (r"requires_grad\s*=(?!=)",)
    what = (
        "Flags `model.requires_grad = False` where `model` is an `nn.Module`: built from a "
        "`torch.nn` class or a local `nn.Module` subclass in the same scope, or named like a model "
        "(`model`, `net`, `encoder`, `self.backbone`, ...) and not a tensor."
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
        name = last_name(expr)
        return name != "self" and torchapi.MODEL_NAME.search(name) is not None
