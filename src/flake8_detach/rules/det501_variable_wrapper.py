"""DET501: the pre-0.4 `Variable` wrapper."""

from __future__ import annotations

import libcst as cst

from ..syntax.cst_syntax import call_method, parenthesized
from ..findings import SAFE, UNSAFE, Fix
from ._base import OPT_IN, Breaks, Example, WalkRule


class VariableWrapper(WalkRule):
    code = "DET501"
    name = "variable-wrapper"
    message = "legacy Variable() returns a plain Tensor cut from the graph (deprecated since 0.4)"
    needs = ("Variable",)
    tier = OPT_IN
    tier_reason = (
        "`Variable(t)` of data that does not require grad (inputs, labels, noise) is the tensor "
        "itself: old code that works. Where `t` requires grad the result is cut from the graph, "
        "which is sometimes the intent."
    )
    what = "Flags calls of `torch.autograd.Variable` (`Variable(t)`, `Variable(t, requires_grad=True)`)."
    why = (
        "Since PyTorch 0.4, tensors are variables. `Variable(t)` only returns a plain Tensor "
        "sharing `t`'s storage, and, where `t` is part of a graph, one cut from it: gradients stop "
        "there. Use the tensor itself, and `t.requires_grad_()` to make it require grad."
    )
    references = ("https://pytorch.org/blog/pytorch-0_4_0-migration-guide/",)
    fix_safety = UNSAFE  # safe, and applied by --fix, where `t` is proven not to require grad
    fix_title = "unwrap: `Variable(t)` -> `t`, `Variable(t, requires_grad=True)` -> `t.requires_grad_()`"
    examples = (
        Example(
            bad="""\
import torch
from torch.autograd import Variable

w = torch.ones(3, requires_grad=True)
y = w * 2
v = Variable(y)  # expect: DET501
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
y = w * 2
v = y
""",
            fixed="""\
import torch
from torch.autograd import Variable

w = torch.ones(3, requires_grad=True)
y = w * 2
v = y
""",
            proof=Breaks("v.requires_grad"),
        ),
    )

    def on_call(self, call) -> None:
        if self.ctx.qualname(call.func) != "torch.autograd.Variable":
            return
        positional = [a for a in call.args if a.keyword is None and not a.star]
        keywords = {a.keyword.value: a.value for a in call.args if a.keyword is not None}
        fix = None
        if len(positional) == 1 and len(call.args) == 1:
            wrapped = positional[0].value
            safety = SAFE if self.ctx.value(wrapped).grad is False else UNSAFE
            fix = Fix(safety, self.fix_title, ((call, parenthesized(wrapped)),))
        elif len(positional) == 1 and list(keywords) == ["requires_grad"] and _is_true(keywords["requires_grad"]):
            fix = self.fix((call, call_method(positional[0].value, "requires_grad_")))
        self.report(call, fix=fix)


def _is_true(expr: cst.BaseExpression) -> bool:
    return isinstance(expr, cst.Name) and expr.value == "True"
