"""DET503: the pre-0.4 `retain_variables=` keyword of backward(), which now raises TypeError."""

from __future__ import annotations

import libcst as cst

from ..syntax.cst_syntax import method_name
from ..findings import SAFE
from ._base import Example, Raises, WalkRule

BACKWARD_FUNCTIONS = ("torch.autograd.backward", "torch.autograd.grad")


class RetainVariables(WalkRule):
    code = "DET503"
    name = "retain-variables"
    message = "retain_variables= was removed: this call raises TypeError (it is retain_graph= now)"
    needs = ("retain_variables",)
    raises = "TypeError"
    what = (
        "Flags the `retain_variables=` keyword of `t.backward()`, `torch.autograd.backward()` "
        "and `torch.autograd.grad()`, in a file that imports torch. A `backward()` method of "
        "another object counts too (`accelerator.backward(loss, ...)`): wrappers pass their "
        "keywords on to the tensor's, and no other API has this keyword."
    )
    why = (
        "`retain_variables` was renamed `retain_graph` in PyTorch 0.4 and the old name was later "
        "removed: the call raises \"backward() got an unexpected keyword argument "
        "'retain_variables'\", usually at the first training step of old tutorial code."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.Tensor.backward.html",)
    fix_safety = SAFE  # the same flag under its new name
    fix_title = "rename the keyword: `retain_variables=` -> `retain_graph=`"
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
loss = (w ** 2).sum()
loss.backward(retain_variables=True)  # expect: DET503
loss.backward()
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
loss = (w ** 2).sum()
loss.backward(retain_graph=True)
loss.backward()
""",
            proof=Raises("TypeError", "unexpected keyword argument 'retain_variables'"),
        ),
    )

    def on_call(self, call) -> None:
        if not self.ctx.imports_torch:
            return
        if method_name(call) != "backward" and self.ctx.qualname(call.func) not in BACKWARD_FUNCTIONS:
            return
        for arg in call.args:
            if arg.keyword is not None and arg.keyword.value == "retain_variables":
                self.report(arg, fix=self.fix((arg.keyword, cst.Name("retain_graph"))))
