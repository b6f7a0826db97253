"""DET415: `zero_grad()` on the shared side of A3C-style aliased gradients no longer clears them."""

from __future__ import annotations

from ._base import Breaks, Example, FileRule
from ._shared_grads import dropped_aliases


class ZeroGradDropsSharedGrads(FileRule):
    code = "DET415"
    name = "zero-grad-drops-shared-grads"
    message = "{receiver}.zero_grad() sets {shared}'s grads to None, not the {local} grads they alias: they add up"
    needs = (r"\._?grad\s*=\s*[\w.]+\._?grad\b", r"zero_grad")
    what = (
        "Flags a `zero_grad()` (an optimizer's or a module's, without `set_to_none=False`) on the "
        "shared side of gradients shared by aliasing, A3C and Hogwild style: the file assigns each "
        "parameter of a shared model the local model's gradient tensor itself (`shared_param._grad "
        "= param.grad`, or `.grad =`, in a loop over `zip(local.parameters(), "
        "shared.parameters())`), in the function that calls `zero_grad()` or in a helper of the "
        "file it calls with the two models (`ensure_shared_grads(model, shared_model)`).\n\n"
        "The call's receiver must be the shared model, or an optimizer that every binding makes "
        "one over the shared model's parameters and not the local model's: built there "
        "(`torch.optim.Adam(shared_model.parameters())`, or by a subclass of a torch optimizer "
        "of the file that keeps its `zero_grad`), or handed in by the caller (a parameter, or an "
        "attribute of `self` set from one), as A3C passes its workers the shared optimizer. "
        "Nothing may clear the local gradients otherwise: a `zero_grad()` on the local model or "
        "on an optimizer over it, or a gradient set to None or zeroed in place (`p.grad.zero_()`), "
        "in the update or its helper (in any method of the class, for a local model held on "
        "`self`), or a local model built anew in a loop keep the rule quiet. A `.step()` after "
        "the alias names the optimizer that takes its gradients: another optimizer's "
        "`zero_grad()` is not flagged for it."
    )
    why = (
        "Before torch 2.0, `zero_grad()` zeroed each `.grad` in place, and the shared gradient "
        "is the local one: zeroing it cleared the local gradients before the next backward(). "
        "Since 2.0 `zero_grad()` defaults to `set_to_none=True`: the shared `.grad` becomes None, "
        "the local gradients are never cleared, each backward() adds to them, and the next alias "
        "(which `if shared_param.grad is not None: return` now lets through every time) hands the "
        "optimizer the sum of every gradient so far. Training runs on without an error, with "
        "steps that grow with each update. `zero_grad(set_to_none=False)` restores the behaviour "
        "the code was written for; clearing the local model too (`model.zero_grad()` before its "
        "backward()) makes it independent of the default."
    )
    references = (
        "https://pytorch.org/docs/stable/generated/torch.optim.Optimizer.zero_grad.html",
        "https://github.com/pytorch/pytorch/pull/92731",
    )
    examples = (
        Example(
            bad="""\
import torch
from torch import nn


def ensure_shared_grads(model, shared_model):
    for param, shared_param in zip(model.parameters(), shared_model.parameters()):
        if shared_param.grad is not None:
            return
        shared_param._grad = param.grad


shared_model = nn.Linear(2, 1, bias=False)
model = nn.Linear(2, 1, bias=False)
optimizer = torch.optim.SGD(shared_model.parameters(), lr=0.0)
inputs = [torch.tensor([[1.0, 2.0]]), torch.tensor([[3.0, 5.0]])]
for x in inputs:
    model.load_state_dict(shared_model.state_dict())
    optimizer.zero_grad()  # expect: DET415
    model(x).sum().backward()
    ensure_shared_grads(model, shared_model)
    optimizer.step()
""",
            good="""\
import torch
from torch import nn


def ensure_shared_grads(model, shared_model):
    for param, shared_param in zip(model.parameters(), shared_model.parameters()):
        if shared_param.grad is not None:
            return
        shared_param._grad = param.grad


shared_model = nn.Linear(2, 1, bias=False)
model = nn.Linear(2, 1, bias=False)
optimizer = torch.optim.SGD(shared_model.parameters(), lr=0.0)
inputs = [torch.tensor([[1.0, 2.0]]), torch.tensor([[3.0, 5.0]])]
for x in inputs:
    model.load_state_dict(shared_model.state_dict())
    optimizer.zero_grad(set_to_none=False)
    model(x).sum().backward()
    ensure_shared_grads(model, shared_model)
    optimizer.step()
""",
            proof=Breaks("shared_model.weight.grad.tolist() == [[3.0, 5.0]]"),  # not [[4.0, 7.0]], both steps'
        ),
        Example(
            bad="""\
import torch
from torch import nn


def push_and_pull(opt, lnet, gnet, x):
    loss = lnet(x).sum()
    opt.zero_grad()  # expect: DET415
    loss.backward()
    for lp, gp in zip(lnet.parameters(), gnet.parameters()):
        gp._grad = lp.grad
    opt.step()
    lnet.load_state_dict(gnet.state_dict())


gnet = nn.Linear(2, 1, bias=False)
lnet = nn.Linear(2, 1, bias=False)
opt = torch.optim.SGD(gnet.parameters(), lr=0.0)
for x in (torch.tensor([[1.0, 2.0]]), torch.tensor([[3.0, 5.0]])):
    push_and_pull(opt, lnet, gnet, x)
""",
            good="""\
import torch
from torch import nn


def push_and_pull(opt, lnet, gnet, x):
    loss = lnet(x).sum()
    opt.zero_grad()
    lnet.zero_grad()
    loss.backward()
    for lp, gp in zip(lnet.parameters(), gnet.parameters()):
        gp._grad = lp.grad
    opt.step()
    lnet.load_state_dict(gnet.state_dict())


gnet = nn.Linear(2, 1, bias=False)
lnet = nn.Linear(2, 1, bias=False)
opt = torch.optim.SGD(gnet.parameters(), lr=0.0)
for x in (torch.tensor([[1.0, 2.0]]), torch.tensor([[3.0, 5.0]])):
    push_and_pull(opt, lnet, gnet, x)
""",
            proof=Breaks("gnet.weight.grad.tolist() == [[3.0, 5.0]]"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        return [
            (dropped.call, {"receiver": dropped.receiver, "shared": dropped.alias.shared, "local": dropped.alias.local})
            for dropped in dropped_aliases(index)
        ]
