"""DET101: in-place writes into a detach() result, which shares storage with the original."""

from __future__ import annotations

import libcst as cst

from ..findings import UNSAFE
from ._base import INPLACE, Breaks, Example, Raises, Rule


class InplaceOnDetached(Rule):
    code = "DET101"
    name = "inplace-on-detached"
    message = "{op} on {target} also writes into {source}: detach() shares its storage"
    needs = ("detach", INPLACE)
    what = (
        "Flags in-place writes (`add_()`, `zero_()`, `copy_()`, `d[i] = ...`, `d += ...`, `out=d`) "
        "into the result of `.detach()`, or into a name or view bound to it."
    )
    why = (
        "`detach()` returns a new tensor that shares storage with the original. Writing into it "
        "changes the original tensor too, behind autograd's back: the original's values change "
        "silently, and if autograd saved the original for the backward pass, `backward()` raises "
        "\"one of the variables needed for gradient computation has been modified by an inplace "
        "operation\". To get an independent copy, use `.detach().clone()`.\n\n"
        "Writes through `p.grad.detach()` are not flagged: gradient buffers belong to no graph."
    )
    references = (
        "https://pytorch.org/docs/stable/generated/torch.Tensor.detach.html",
        "https://pytorch.org/docs/stable/notes/autograd.html#in-place-operations-with-autograd",
    )
    fix_safety = UNSAFE  # the write may have been meant to change the original
    fix_title = "copy at the alias: `.detach()` -> `.detach().clone()`"
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
y = torch.exp(w)  # exp saves its output y for backward
d = y.detach()
d.add_(1)  # expect: DET101
y.sum().backward()
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
y = torch.exp(w)
d = y.detach().clone()
d.add_(1)
y.sum().backward()
""",
            proof=Raises("RuntimeError", "modified by an inplace operation"),
            fixed="""\
import torch

w = torch.ones(3, requires_grad=True)
y = torch.exp(w)  # exp saves its output y for backward
d = y.detach().clone()
d.add_(1)
y.sum().backward()
""",
        ),
        Example(
            bad="""\
import torch

x = torch.zeros(3)
x.detach().fill_(1.0)  # expect: DET101
""",
            good="""\
import torch

x = torch.zeros(3)
y = x.detach().clone().fill_(1.0)
""",
            proof=Breaks("x.sum().item() == 0.0"),
            fixed="""\
import torch

x = torch.zeros(3)
x.detach().clone().fill_(1.0)
""",
        ),
    )

    def on_inplace(self, target, site, op, source) -> None:
        alias = self.ctx.value(target).alias
        if alias is not None:
            self.report(
                site,
                fix=self.fix((alias, clone_of(alias))),
                op=op,
                target=self.ctx.text(target),
                source=self.ctx.text(alias.func.value),
            )


def clone_of(detach_call: cst.Call) -> cst.Call:
    """`x.detach().clone()` for `x.detach()`, keeping the call's parentheses outside."""
    inner = detach_call.with_changes(lpar=[], rpar=[])
    return cst.Call(
        func=cst.Attribute(value=inner, attr=cst.Name("clone")), lpar=detach_call.lpar, rpar=detach_call.rpar
    )
