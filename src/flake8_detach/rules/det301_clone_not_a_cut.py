"""DET301: clone() used as if it cut the autograd graph."""

from __future__ import annotations

import re
from typing import Optional

import libcst as cst

from ..syntax.cst_syntax import call_method, keyword_arg, method_name
from ..engine.facts import may_carry_graph
from ..findings import UNSAFE
from ..torchapi import is_loss_function
from ._base import Breaks, Example, Raises, WalkRule

# Names that say the value is meant to be fixed: a target, a teacher's output, an old value.
FIXED_VALUE_NAME = re.compile(r"^(target|\w+_target|teacher\w*|old_\w+|prev\w*|baseline)$", re.I)


def detached_clone(clone: cst.Call) -> cst.Call:
    """`x.detach().clone(...)` for `x.clone(...)`."""
    return clone.with_changes(func=clone.func.with_changes(value=call_method(clone.func.value, "detach")))


def is_torch_loss_call(ctx, call: cst.Call) -> bool:
    name = ctx.qualname(call.func)
    return name is not None and is_loss_function(name)


def undetached_clone(expr: cst.BaseExpression) -> Optional[cst.Call]:
    """`expr` if it is `x.clone()` with no `.detach()` before it."""
    if not (isinstance(expr, cst.Call) and method_name(expr) == "clone"):
        return None
    receiver = expr.func.value
    if isinstance(receiver, cst.Call) and method_name(receiver) == "detach":
        return None
    return expr


class CloneNotACut(WalkRule):
    code = "DET301"
    name = "clone-not-a-cut"
    message = "clone() does not cut the graph: {effect}"
    needs = ("clone", r"backward|autograd|numpy|requires_grad_")
    what = (
        "Flags `.clone()` without `.detach()` where a cut is evidently meant:\n\n"
        "- the clone is bound to a name that marks a fixed value (`target`, `*_target`, "
        "`teacher*`, `old_*`, `prev*`, `baseline`) or passed as the target of a torch loss "
        "function, and flows into a value that is `backward()`-ed;\n"
        "- `x.clone().numpy()` where `x` requires grad;\n"
        "- `x.clone().requires_grad_()` where `x` requires grad.\n\n"
        "The cloned tensor must require grad or be the output of a model call."
    )
    why = (
        "`clone()` is differentiable: the copy stays in the graph, so gradients flow through "
        "a \"target\" into the network that produced it, `.numpy()` raises because the copy "
        "requires grad, and `requires_grad_()` on the copy makes no new leaf (its `.grad` stays "
        "None). `.detach().clone()` gives an independent copy outside the graph."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.clone.html",)
    fix_safety = UNSAFE  # gradients that flowed through the copy stop flowing
    fix_title = "cut the graph: `x.clone()` -> `x.detach().clone()`"
    examples = (
        Example(
            bad="""\
import torch

w = torch.tensor([2.0], requires_grad=True)
x = torch.tensor([1.0])
q = w * x
target = (3 * w * x).clone()  # expect: DET301
loss = ((q - target) ** 2).sum()
loss.backward()
""",
            good="""\
import torch

w = torch.tensor([2.0], requires_grad=True)
x = torch.tensor([1.0])
q = w * x
target = (3 * w * x).detach().clone()
loss = ((q - target) ** 2).sum()
loss.backward()
""",
            proof=Breaks("w.grad.item() == -8.0"),
        ),
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
array = (w * 2).clone().numpy()  # expect: DET301
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
array = (w * 2).detach().clone().numpy()
""",
            proof=Raises("RuntimeError", r"Can't call numpy\(\) on Tensor that requires grad"),
        ),
    )

    def on_assign(self, target, value, statement) -> None:
        clone = undetached_clone(value)
        if (
            clone is not None
            and isinstance(target, cst.Name)
            and FIXED_VALUE_NAME.match(target.value)
            and may_carry_graph(self.ctx.value(clone.func.value))
        ):
            fix = self.fix((clone, detached_clone(clone)))
            self.report_at_backward(clone, clone, fix=fix, effect=f"gradient flows back through {target.value}")

    def on_call(self, call) -> None:
        method = method_name(call)
        if method in ("numpy", "requires_grad_"):
            clone = undetached_clone(call.func.value)
            if clone is not None and self.ctx.value(clone.func.value).grad:
                effect = (
                    ".numpy() raises on a tensor that requires grad"
                    if method == "numpy"
                    else "the result is no leaf and its .grad stays None"
                )
                self.report(call, fix=self.fix((clone, detached_clone(clone))), effect=effect)
        elif is_torch_loss_call(self.ctx, call):
            positional = [a.value for a in call.args if a.keyword is None]
            target = keyword_arg(call, "target") or (positional[1] if len(positional) > 1 else None)
            clone = undetached_clone(target) if target is not None else None
            if clone is not None and may_carry_graph(self.ctx.value(clone.func.value)):
                fix = self.fix((clone, detached_clone(clone)))
                self.report_at_backward(clone, clone, fix=fix, effect="gradient flows back through the loss target")
