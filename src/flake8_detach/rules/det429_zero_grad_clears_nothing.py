"""DET429: `zero_grad()` of a module that has no parameters: it clears no gradient."""

from __future__ import annotations

import libcst as cst

from ..engine.facts import LOSS_FUNCTION, MODULE
from ..syntax.cst_syntax import method_name
from ._base import Breaks, Example, WalkRule


class ZeroGradClearsNothing(WalkRule):
    code = "DET429"
    name = "zero-grad-clears-nothing"
    message = "{receiver}.zero_grad() clears nothing: it has no parameters (zero the model's gradients)"
    needs = (r"zero_grad",)
    what = (
        "Flags `criterion.zero_grad()` where `criterion` is a torch loss module (`nn.MSELoss()`) "
        "or a torch module without parameters (`nn.ReLU()`, `nn.Dropout()`), when nothing else "
        "in the same function (or module body) resets gradients: no `zero_grad()` of anything "
        "else, which may be the model or its optimizer."
    )
    why = (
        "A module's `zero_grad()` resets the gradients of its own parameters. A loss module has "
        "none, so the call does nothing and the model's `.grad` keeps adding up over every "
        "`backward()`: each step applies the sum of all earlier gradients, and per-sample "
        "gradients read from `.grad` (a Fisher information estimate) include all the samples "
        "before. Call `model.zero_grad()` or `optimizer.zero_grad()`."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.zero_grad",)
    examples = (
        Example(
            bad="""\
import torch

model = torch.nn.Linear(2, 1)
criterion = torch.nn.MSELoss()
x, y = torch.ones(4, 2), torch.zeros(4, 1)
grads = []
for _ in range(2):
    criterion.zero_grad()  # expect: DET429
    criterion(model(x), y).backward()
    grads.append(model.weight.grad.clone())
""",
            good="""\
import torch

model = torch.nn.Linear(2, 1)
criterion = torch.nn.MSELoss()
x, y = torch.ones(4, 2), torch.zeros(4, 1)
grads = []
for _ in range(2):
    model.zero_grad()
    criterion(model(x), y).backward()
    grads.append(model.weight.grad.clone())
""",
            proof=Breaks("torch.equal(grads[0], grads[1])"),
        ),
    )

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.scopes: list = []  # per module or function body: [calls that clear nothing, whether another resets]

    def on_scope_start(self, scope: cst.CSTNode) -> None:
        self.scopes.append([[], False])

    def on_call(self, call: cst.Call) -> None:
        if method_name(call) != "zero_grad" or not self.scopes:
            return
        receiver = self.ctx.value(call.func.value)
        if receiver.kind == LOSS_FUNCTION or receiver.kind == MODULE and receiver.no_parameters:
            self.scopes[-1][0].append(call)
        else:
            self.scopes[-1][1] = True

    def on_scope_end(self, scope: cst.CSTNode) -> None:
        idle, others = self.scopes.pop()
        if not others:
            for call in idle:
                self.report(call, receiver=self.ctx.text(call.func.value))
