"""DET512: `size_average` or `reduce` set on a loss already built, where nothing reads it."""

from __future__ import annotations

import libcst as cst

from ..engine.facts import LOSS_FUNCTION
from ..findings import UNSAFE
from ..syntax.cst_syntax import literal_bool
from ._base import Breaks, Example, WalkRule

# What the legacy flag set to False meant, as the `reduction` that says it now.
REDUCTION_OF = {"size_average": "sum", "reduce": "none"}


class LossReductionAttribute(WalkRule):
    code = "DET512"
    name = "loss-reduction-attribute"
    message = "{target} = ... on a built loss changes nothing: it reduces by its reduction"
    needs = (r"\.\s*(?:size_average|reduce)\s*=(?!=)",)
    what = (
        "Flags `loss_fn.size_average = ...` and `loss_fn.reduce = ...` (to anything but `True`, "
        "which the loss does anyway) where `loss_fn` is a torch.nn loss built in the file "
        "(`nn.BCELoss()`, `nn.CrossEntropyLoss(weight=w)`)."
    )
    why = (
        "Since PyTorch 0.4 a loss module reads its `size_average` and `reduce` arguments once, "
        "in its constructor, into `reduction`, and its forward uses only `reduction`. Setting "
        "the old names afterwards adds a plain attribute that nothing reads: a loss meant to be "
        "a sum stays a batch mean (its gradients shrink by the batch size, a VAE's "
        "reconstruction term is dwarfed by its summed KL), and one meant per element stays "
        "reduced. Nothing warns. Pass `reduction=` when building the loss, or set "
        "`loss_fn.reduction`."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.nn.BCELoss.html",)
    fix_safety = UNSAFE  # the loss changes scale: what the code meant, and what its learning rate was tuned without
    fix_title = "set `reduction` instead: `loss_fn.size_average = False` -> `loss_fn.reduction = 'sum'`"
    examples = (
        Example(
            bad="""\
import torch
from torch import nn

loss_fn = nn.MSELoss()
loss_fn.size_average = False  # expect: DET512
loss = loss_fn(torch.ones(4), torch.zeros(4))
""",
            good="""\
import torch
from torch import nn

loss_fn = nn.MSELoss(reduction="sum")
loss = loss_fn(torch.ones(4), torch.zeros(4))
""",
            fixed="""\
import torch
from torch import nn

loss_fn = nn.MSELoss()
loss_fn.reduction = "sum"
loss = loss_fn(torch.ones(4), torch.zeros(4))
""",
            proof=Breaks("loss.item() == 4.0"),
        ),
    )

    def on_attr_assign(self, target, value, statement) -> None:
        if target.attr.value not in ("size_average", "reduce"):
            return
        if self.ctx.value(target.value).kind != LOSS_FUNCTION:
            return
        flag = literal_bool(value)
        if flag is True:
            return  # what the loss does anyway
        fix = None
        if flag is False and isinstance(statement, cst.Assign) and len(statement.targets) == 1:
            assign = statement.with_changes(
                targets=[statement.targets[0].with_changes(target=target.with_changes(attr=cst.Name("reduction")))],
                value=cst.SimpleString(f'"{REDUCTION_OF[target.attr.value]}"'),
            )
            fix = self.fix((statement, assign))
        self.report(target, fix=fix, target=self.ctx.text(target))
