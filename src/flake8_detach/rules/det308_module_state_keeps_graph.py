"""DET308: module state that forward rebuilds from its input keeps every batch's graph."""

from __future__ import annotations

from ._module_state import recurrences
from ._base import Breaks, Example, FileRule


class ModuleStateKeepsGraph(FileRule):
    code = "DET308"
    name = "module-state-keeps-graph"
    message = "the new {state} holds the input's graph and {forward} stores it back: memory grows (detach it)"
    needs = (r"Sequential", r"forward")
    what = (
        "Flags the assignment that computes a module's new state from its old value and from the "
        "module's input, with grad mode on, where the module's `forward` stores the result back "
        "(`self.moving_mean = m * self.moving_mean + (1 - m) * x.mean(0)`, or through a function of "
        "the file that returns it: `y, self.moving_mean = batch_norm(x, self.moving_mean)`).\n\n"
        "All of the evidence must be in the file: `__init__` makes the state a fresh tensor (a torch "
        "factory result, or a buffer registered from one); an `nn.Sequential` puts a torch layer with "
        "parameters before the module, with only parameterless torch modules between, so its input "
        "requires grad; and nothing in the file freezes parameters. The value is followed through "
        "operators, torch functions, tensor methods and the module's submodules; `.detach()`, "
        "`.data`, `torch.no_grad()` and any other call end it."
    )
    why = (
        "The new state is an op of the batch statistics, so it requires grad and holds the batch's "
        "graph; stored on the module, it is the old state of the next call, whose new state holds "
        "that graph too. Every training step adds one batch's graph to a chain that nothing frees: "
        "memory grows for the whole run, and a backward() through the state would reach graphs "
        "freed long ago. `torch.nn.BatchNorm*` update their running statistics without autograd; "
        "compute the state from detached values (`mean.detach()`), under `torch.no_grad()`, or "
        "store `new_state.detach()`."
    )
    references = ("https://pytorch.org/docs/stable/notes/autograd.html#locally-disabling-gradient-computation",)
    examples = (
        Example(
            bad="""\
import torch
from torch import nn


def centre(x, running_mean, momentum):
    mean = x.mean(dim=0)
    running_mean = momentum * running_mean + (1 - momentum) * mean  # expect: DET308
    return x - mean, running_mean


class Centre(nn.Module):
    def __init__(self, features):
        super().__init__()
        self.running_mean = torch.zeros(features)

    def forward(self, x):
        y, self.running_mean = centre(x, self.running_mean, 0.9)
        return y


net = nn.Sequential(nn.Linear(4, 4), Centre(4))
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
for step in range(3):
    optimizer.zero_grad()
    net(torch.randn(8, 4)).pow(2).sum().backward()
    optimizer.step()
""",
            good="""\
import torch
from torch import nn


def centre(x, running_mean, momentum):
    mean = x.mean(dim=0)
    running_mean = momentum * running_mean + (1 - momentum) * mean.detach()
    return x - mean, running_mean


class Centre(nn.Module):
    def __init__(self, features):
        super().__init__()
        self.running_mean = torch.zeros(features)

    def forward(self, x):
        y, self.running_mean = centre(x, self.running_mean, 0.9)
        return y


net = nn.Sequential(nn.Linear(4, 4), Centre(4))
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
for step in range(3):
    optimizer.zero_grad()
    net(torch.randn(8, 4)).pow(2).sum().backward()
    optimizer.step()
""",
            proof=Breaks("net[1].running_mean.grad_fn is None"),
        ),
        Example(
            bad="""\
import torch
from torch import nn


class RunningScale(nn.Module):
    def __init__(self, features):
        super().__init__()
        self.register_buffer("running_var", torch.ones(features))

    def forward(self, x):
        self.running_var = 0.9 * self.running_var + 0.1 * x.var(dim=0)  # expect: DET308
        return x / x.std(dim=0)


net = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), RunningScale(4))
for step in range(3):
    net(torch.randn(8, 4)).sum().backward()
""",
            good="""\
import torch
from torch import nn


class RunningScale(nn.Module):
    def __init__(self, features):
        super().__init__()
        self.register_buffer("running_var", torch.ones(features))

    def forward(self, x):
        with torch.no_grad():
            self.running_var = 0.9 * self.running_var + 0.1 * x.var(dim=0)
        return x / x.std(dim=0)


net = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), RunningScale(4))
for step in range(3):
    net(torch.randn(8, 4)).sum().backward()
""",
            proof=Breaks("not net[2].running_var.requires_grad"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        return [
            (found.node, {"state": f"{found.owner}.{found.attribute}", "forward": f"{found.owner}.forward"})
            for found in recurrences(index.tree, index.imports, index.module_classes)
        ]
