"""DET432: `optimizer.lr = ...`, a hyperparameter set as an attribute the optimizer never reads."""

from __future__ import annotations

import ast
import re

from .. import torchapi
from ..engine.facts import OPTIMIZER
from ._base import Breaks, Example, WalkRule

HYPERPARAMETER_WRITE = re.compile(r"\.\s*(?:%s)\s*=(?!=)" % "|".join(sorted(torchapi.OPTIMIZER_HYPERPARAMETERS)))


class OptimizerHyperparameterAttribute(WalkRule):
    code = "DET432"
    name = "optimizer-hyperparameter-attribute"
    message = "{target} = ... sets an attribute the optimizer never reads: it keeps param_groups' {name}"
    needs = (HYPERPARAMETER_WRITE.pattern,)
    what = (
        "Flags an assignment to a hyperparameter's name (`lr`, `momentum`, `weight_decay`, "
        "`betas`... every key of a torch.optim optimizer's `defaults`) as an attribute of a "
        "torch.optim optimizer built in the file (`opt.lr = base_lr * decay`), where the file "
        "reads no attribute of that name anywhere (code that copies `opt.lr` into the groups "
        "itself is left alone)."
    )
    why = (
        "An optimizer reads its hyperparameters from `optimizer.param_groups`, one dict per "
        "group, on every `step()`. `optimizer.lr = x` only adds a plain attribute to the "
        "Python object: nothing reads it, nothing warns, and the learning rate stays the one "
        "the optimizer was built with, so an annealing or warm-up schedule written this way "
        "never happens. Set it in each group (`for group in optimizer.param_groups: "
        "group['lr'] = x`) or use a `torch.optim.lr_scheduler`."
    )
    references = ("https://pytorch.org/docs/stable/optim.html#per-parameter-options",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.nn.Parameter(torch.ones(1))
optimizer = torch.optim.SGD([w], lr=1.0)
optimizer.lr = 0.1  # expect: DET432
w.grad = torch.ones(1)
optimizer.step()
""",
            good="""\
import torch

w = torch.nn.Parameter(torch.ones(1))
optimizer = torch.optim.SGD([w], lr=1.0)
for group in optimizer.param_groups:
    group["lr"] = 0.1
w.grad = torch.ones(1)
optimizer.step()
""",
            proof=Breaks("torch.allclose(w, torch.tensor([0.9]))"),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """An assignment to a hyperparameter's name on anything but `self` (`self.eps = eps`
        in a layer): what the walk could find to be an optimizer."""
        return any(
            isinstance(target, ast.Attribute) and target.attr in torchapi.OPTIMIZER_HYPERPARAMETERS
            and not (isinstance(target.value, ast.Name) and target.value.id == "self")
            for node in scope.of(ast.Assign) for target in node.targets
        )

    def on_attr_assign(self, target, value, statement) -> None:
        name = target.attr.value
        if name not in torchapi.OPTIMIZER_HYPERPARAMETERS or self.ctx.value(target.value).kind != OPTIMIZER:
            return
        if name in self.ctx.attributes_read:
            return  # the file reads such an attribute: it may copy it into the groups itself
        self.report(target, target=self.ctx.text(target), name=repr(name))
