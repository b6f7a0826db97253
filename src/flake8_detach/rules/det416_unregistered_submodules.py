"""DET416: layers kept in a plain list or dict on a module are not its submodules."""

from __future__ import annotations

import ast
import re

from ..syntax.ast_syntax import FUNCTIONS, attribute_bindings, self_attribute
from ..analysis.file_index import spans_any
from ._layers import built_kind
from ._base import Breaks, Example, FileRule

# Words by which a class registers modules or parameters itself, or wraps the container afterwards.
REGISTERS = (
    "add_module", "register_module", "register_parameter", "setattr", "ModuleList", "ModuleDict",
    "ParameterList", "ParameterDict", "Sequential(*",
)


CONTAINER_ASSIGNED = re.compile(r"self\.\w+\s*=\s*[\[{(]")  # `self.layers = [`, `= {`, `= (`


class UnregisteredSubmodules(FileRule):
    code = "DET416"
    name = "unregistered-submodules"
    message = "{attribute} holds {what} in a plain {container}: parameters(), .to() and state_dict() miss them"
    needs = (CONTAINER_ASSIGNED.pattern, r"Module")
    what = (
        "Flags `self.<name> = ` a list or a dict of layers built there, in a method of an "
        "`nn.Module` subclass of the file: a list or tuple display (`[nn.Linear(...), ...]`), a "
        "comprehension (`[nn.Conv2d(1, n, k) for k in sizes]`), a repeated list "
        "(`[Block()] * 8`) or a dict (`{'a': nn.Linear(...)}`), where a layer is a torch.nn class "
        "with parameters or train/eval behaviour, an `nn.Parameter`, or a module class of the "
        "file or the project. "
        "The attribute must be read in another method of the class (the forward), bound once, "
        "and the class must not register them itself (`add_module`, `register_module`, "
        "`register_parameter`, `setattr`, or wrapping them in `nn.ModuleList`/`nn.ModuleDict`/"
        "`nn.ParameterList`/`nn.Sequential`)."
    )
    why = (
        "A module registers the modules assigned to its attributes, and `nn.ModuleList` / "
        "`nn.ModuleDict` the modules they hold; a Python list or dict is an ordinary value, so "
        "the layers in it are no submodules. `model.parameters()` leaves their weights out, so "
        "the optimizer never updates them and they stay at their random initialization while "
        "the rest trains around them; `model.to(device)` leaves them on the CPU (a device error "
        "on the GPU); `state_dict()` leaves them out of checkpoints; `model.eval()` does not "
        "reach their dropout or batch norm. Nothing raises on the CPU. `[Block()] * n` is "
        "worse again: one layer object n times."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.nn.ModuleList.html",)
    examples = (
        Example(
            bad="""\
import torch
from torch import nn


class TextCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.convs = [nn.Conv1d(4, 2, k) for k in (2, 3)]  # expect: DET416
        self.fc = nn.Linear(4, 1)

    def forward(self, x):
        return self.fc(torch.cat([conv(x).amax(dim=2) for conv in self.convs], dim=1))


torch.manual_seed(0)
model = TextCNN()
before = [conv.weight.detach().clone() for conv in model.convs]
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
model(torch.randn(3, 4, 6)).sum().backward()
optimizer.step()
trained = all(not torch.equal(old, conv.weight) for old, conv in zip(before, model.convs))
""",
            good="""\
import torch
from torch import nn


class TextCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.convs = nn.ModuleList([nn.Conv1d(4, 2, k) for k in (2, 3)])
        self.fc = nn.Linear(4, 1)

    def forward(self, x):
        return self.fc(torch.cat([conv(x).amax(dim=2) for conv in self.convs], dim=1))


torch.manual_seed(0)
model = TextCNN()
before = [conv.weight.detach().clone() for conv in model.convs]
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
model(torch.randn(3, 4, 6)).sum().backward()
optimizer.step()
trained = all(not torch.equal(old, conv.weight) for old, conv in zip(before, model.convs))
""",
            proof=Breaks("trained"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        found = []
        containers = index.lines_matching(CONTAINER_ASSIGNED)
        for node in index.class_nodes:
            if node.name not in index.module_classes or not spans_any(containers, node):
                continue
            text = index.code_of(node)
            if any(word in text for word in REGISTERS):
                continue
            found += _unregistered(node, index)
        return found


def _unregistered(node: ast.ClassDef, index) -> list:
    """(assignment, fields) for each attribute of the class bound once, to a container of layers,
    and read in another method."""
    reads: dict = {}
    for method in (child for child in node.body if isinstance(child, FUNCTIONS)):
        for inner in ast.walk(method):
            attribute = self_attribute(inner)
            if attribute is not None and isinstance(inner.ctx, ast.Load):
                reads.setdefault(attribute, set()).add(method.name)
    found = []
    for attribute, bound in attribute_bindings(node).items():
        if len(bound) != 1:
            continue
        statement, value, method = bound[0]
        container, what = _container_of_layers(value, index)
        if container and reads.get(attribute, set()) - {method}:
            found.append((statement, {"attribute": f"self.{attribute}", "what": what, "container": container}))
    return found


def _container_of_layers(value, index) -> tuple:
    """("list", "tuple" or "dict", "layers" or "parameters") where `value` builds one holding
    layers or parameters; ("", "") otherwise."""
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Mult):  # `[Block()] * n`
        value = value.left if isinstance(value.left, ast.List) else value.right
    if isinstance(value, (ast.List, ast.Tuple)):
        elements = value.elts
    elif isinstance(value, ast.ListComp):
        elements = [value.elt]
    elif isinstance(value, ast.Dict):
        elements = value.values
    elif isinstance(value, ast.DictComp):
        elements = [value.value]
    else:
        return "", ""
    built = {built_kind(element, index) for element in elements} - {""}
    if not built:
        return "", ""
    container = {ast.Tuple: "tuple", ast.Dict: "dict", ast.DictComp: "dict"}.get(type(value), "list")
    return container, "parameters" if built == {"parameters"} else "layers"
