"""DET502: the pre-0.4 `volatile=` flag."""

from __future__ import annotations

from ._base import OPT_IN, Example, WalkRule, Warns


class VolatileFlag(WalkRule):
    code = "DET502"
    name = "volatile-flag"
    message = "volatile= was removed in PyTorch 0.4 and does nothing: gradients are still recorded"
    needs = ("volatile",)
    tier = OPT_IN
    tier_reason = (
        "The flag only wastes memory where the recorded graph is kept; in an evaluation loop "
        "whose results are dropped each batch nothing misbehaves."
    )
    what = "Flags the `volatile=` keyword in torch calls (`Variable(x, volatile=True)`)."
    why = (
        "`volatile` was removed in PyTorch 0.4. The flag is ignored with a warning, so code meant "
        "to run without building a graph (inference, evaluation) records one and holds its memory. "
        "Use `with torch.no_grad():`."
    )
    references = ("https://pytorch.org/blog/pytorch-0_4_0-migration-guide/",)
    examples = (
        Example(
            bad="""\
import torch
from torch.autograd import Variable

x = torch.ones(3)
v = Variable(x, volatile=True)  # expect: DET502
""",
            good="""\
import torch

x = torch.ones(3)
with torch.no_grad():
    v = x * 2
""",
            proof=Warns("volatile was removed and now has no effect"),
        ),
    )

    def on_call(self, call) -> None:
        if self.ctx.qualname(call.func) is None:
            return
        for arg in call.args:
            if arg.keyword is not None and arg.keyword.value == "volatile":
                self.report(arg)
