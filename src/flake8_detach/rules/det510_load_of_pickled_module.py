"""DET510: torch.load() of a file that holds a whole pickled module, without weights_only=False:
since PyTorch 2.6 it loads with weights_only=True and raises UnpicklingError."""

from __future__ import annotations

import ast
from typing import Optional

import libcst as cst

from .. import torchapi
from ..analysis.file_index import MODULE_ONLY_METHODS
from ..engine.facts import INSTANCE, LOSS_FUNCTION, MODULE, OPTIMIZER
from ..findings import UNSAFE
from ..syntax.ast_syntax import dotted
from ..syntax.cst_syntax import dotted_name, first_arg, keyword_arg, with_keyword
from ._base import Example, Raises, WalkRule
from ._prechecks import scope_imports

# Values the weights-only unpickler refuses: a module, a loss, an optimizer, an instance of a
# class of the file.
PICKLED_KINDS = {MODULE: "module", LOSS_FUNCTION: "module", OPTIMIZER: "optimizer", INSTANCE: "object"}


class LoadOfPickledModule(WalkRule):
    code = "DET510"
    name = "load-of-pickled-module"
    message = "{call} loads a pickled {what} ({evidence}): UnpicklingError since PyTorch 2.6"
    needs = (r"\bload\s*\(",)
    raises = "UnpicklingError"
    what = (
        "Flags `torch.load(f)` without `weights_only=` where the file holds a whole pickled "
        "module, optimizer or other object (an argparse Namespace, a vocabulary): what it "
        "returns is used as a module "
        "(called, `.eval()`, `.parameters()`, `.state_dict()`...), or the same code saves such a "
        "value (`torch.save(model, path)`, or a list or dict holding one) to the same path "
        "(the same string, or the same expression), or code reads an attribute or calls a "
        "method of it, or of an element of it, that no tensor, number, string or container has "
        "(`ckpt['args'].lr`, `model.encoder`, `agent.act(state)`), or hands it to a function or "
        "class of the file or the project that "
        "does so, or uses it as a module, on every call (`NMT(args, vocab)` whose `__init__` "
        "reads `vocab.src`). A load whose result only goes into "
        "`load_state_dict()` or is only indexed like a checkpoint dict is not flagged; nor one given "
        "`pickle_module=`, which keeps the old default."
    )
    why = (
        "Since PyTorch 2.6 `torch.load` defaults to `weights_only=True`: it unpickles only "
        "tensors, primitive types and containers of them, so a file written by "
        "`torch.save(model, path)` raises `UnpicklingError: Weights only load failed`. Tutorials "
        "and old repositories that save whole models stop there. Better: save "
        "`model.state_dict()` and load it into a model built in code; or, for a file you trust, "
        "pass `weights_only=False` (unpickling runs any code the file holds)."
    )
    references = (
        "https://pytorch.org/docs/stable/generated/torch.load.html",
        "https://pytorch.org/docs/stable/notes/serialization.html#weights-only",
    )
    fix_safety = UNSAFE  # unpickling runs whatever code the file holds: only for files one trusts
    fix_title = "pass `weights_only=False` (unsafe: unpickling runs any code the file holds)"
    examples = (
        Example(
            bad="""\
import os
import tempfile

import torch
import torch.nn as nn

path = os.path.join(tempfile.mkdtemp(), "net.pt")
torch.save(nn.Linear(3, 2), path)
net = torch.load(path)  # expect: DET510
net.eval()
""",
            good="""\
import os
import tempfile

import torch
import torch.nn as nn

path = os.path.join(tempfile.mkdtemp(), "net.pt")
torch.save(nn.Linear(3, 2).state_dict(), path)
net = nn.Linear(3, 2)
net.load_state_dict(torch.load(path))
net.eval()
""",
            fixed="""\
import os
import tempfile

import torch
import torch.nn as nn

path = os.path.join(tempfile.mkdtemp(), "net.pt")
torch.save(nn.Linear(3, 2), path)
net = torch.load(path, weights_only=False)
net.eval()
""",
            proof=Raises("pickle.UnpicklingError", "Weights only load failed"),
        ),
        Example(
            bad="""\
import os
import tempfile

import torch
import torch.nn as nn

os.chdir(tempfile.mkdtemp())
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
torch.save(model, "model.pkl")
restored = torch.load("model.pkl")  # expect: DET510
""",
            good="""\
import os
import tempfile

import torch
import torch.nn as nn

os.chdir(tempfile.mkdtemp())
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
torch.save(model.state_dict(), "model.pkl")
restored = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
restored.load_state_dict(torch.load("model.pkl"))
""",
            fixed="""\
import os
import tempfile

import torch
import torch.nn as nn

os.chdir(tempfile.mkdtemp())
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
torch.save(model, "model.pkl")
restored = torch.load("model.pkl", weights_only=False)
""",
            proof=Raises("pickle.UnpicklingError", "Weights only load failed"),
        ),
        Example(
            bad="""\
import argparse
import os
import tempfile

import torch
import torch.nn as nn

path = os.path.join(tempfile.mkdtemp(), "checkpoint.pt")
options = argparse.Namespace(hidden=2)
torch.save({"options": options, "model": nn.Linear(3, 2).state_dict()}, path)
checkpoint = torch.load(path)  # expect: DET510
net = nn.Linear(3, checkpoint["options"].hidden)
net.load_state_dict(checkpoint["model"])
""",
            good="""\
import argparse
import os
import tempfile

import torch
import torch.nn as nn

path = os.path.join(tempfile.mkdtemp(), "checkpoint.pt")
options = argparse.Namespace(hidden=2)
torch.save({"options": vars(options), "model": nn.Linear(3, 2).state_dict()}, path)
checkpoint = torch.load(path)
net = nn.Linear(3, checkpoint["options"]["hidden"])
net.load_state_dict(checkpoint["model"])
""",
            fixed="""\
import argparse
import os
import tempfile

import torch
import torch.nn as nn

path = os.path.join(tempfile.mkdtemp(), "checkpoint.pt")
options = argparse.Namespace(hidden=2)
torch.save({"options": options, "model": nn.Linear(3, 2).state_dict()}, path)
checkpoint = torch.load(path, weights_only=False)
net = nn.Linear(3, checkpoint["options"].hidden)
net.load_state_dict(checkpoint["model"])
""",
            proof=Raises("pickle.UnpicklingError", "Weights only load failed"),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """A call of torch.load (by the file's and the scope's torch imports) that leaves the
        default of `weights_only`."""
        imports = scope_imports(scope, index)
        return any(
            imports.qualname_of_dotted(dotted(call.func)) in torchapi.LOADERS
            and not any(keyword.arg in (None, "weights_only", "pickle_module") for keyword in call.keywords)
            for call in scope.of(ast.Call)
        )

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.as_state: set = set()  # ids of loads whose result is used as state dicts or a checkpoint
        self.scopes: list = []  # per module or function body being walked, innermost last: its Files

    def on_scope_start(self, scope: cst.CSTNode) -> None:
        self.scopes.append(Files())

    def on_call(self, call: cst.Call) -> None:
        name = self.ctx.qualname(call.func)
        if name in torchapi.LOADERS:
            self._on_load(call)
        elif name in torchapi.SAVERS:
            self._on_save(call)
        else:
            self._on_use(call)

    def on_subscript(self, subscript: cst.Subscript) -> None:
        """`ckpt["model"]`: a checkpoint dict, maybe of state dicts. A layer of an nn.Sequential
        or an item of a list (`net[0]`) says nothing against a module."""
        if not _integer_index(subscript):
            self.as_state.update(map(id, self.ctx.value(subscript.value).loaded_by))

    def on_attribute(self, attribute: cst.Attribute) -> None:
        """`ckpt["opt"].lr`, `model.encoder`, `agent.act(s)`: a name read (or called) that no
        tensor, number, string or container has, on what a load gave: the file held an object."""
        name = attribute.attr.value
        if name.startswith("_") or name in torchapi.WEIGHTS_ONLY_NAMES:
            return
        for load in sorted(self.ctx.value(attribute.value).loaded_by, key=id):
            if _leaves_default(load):
                self._report(load, "object", f"{self.ctx.text(attribute, 30)} reads a name of one")

    def on_scope_end(self, scope: cst.CSTNode) -> None:
        files = self.scopes.pop()
        for load, key in files.loads.values():
            saves = files.saves.get(key, ())
            if id(load) in self.as_state or not saves or not all(what for _, what in saves):
                continue  # a save that may hold only tensors: the file may be either
            save, what = saves[0]
            self._report(load, what, f"saved by {self.ctx.text(save, 50)}")

    def _on_load(self, call: cst.Call) -> None:
        if not _leaves_default(call):
            return
        parent = self.ctx.parent(call)
        argument_of = self.ctx.parent(parent) if isinstance(parent, cst.Arg) else None
        if isinstance(argument_of, cst.Call) and isinstance(argument_of.func, cst.Attribute) and (
            argument_of.func.attr.value == "load_state_dict"
        ):
            self.as_state.add(id(call))
        path = first_arg(call, "f")
        if path is not None:
            self.scopes[-1].loads[id(call)] = (call, self._key(path))

    def _on_save(self, call: cst.Call) -> None:
        saved = first_arg(call, "obj")
        positional = [arg.value for arg in call.args if arg.keyword is None and not arg.star]
        path = positional[1] if len(positional) > 1 else keyword_arg(call, "f")
        if saved is not None and path is not None:
            self.scopes[-1].saves.setdefault(self._key(path), []).append((call, self._pickled(saved)))

    def _on_use(self, call: cst.Call) -> None:
        """`net(x)`, `net.eval()`, `net.parameters()` where `net` is what a load gave; and the
        names such methods are called on, which are modules."""
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value in MODULE_ONLY_METHODS and dotted_name(func.value):
            self.scopes[-1].modules.add(dotted_name(func.value))
        loads = self.ctx.value(func).loaded_by
        if not loads and isinstance(func, cst.Attribute) and func.attr.value in MODULE_ONLY_METHODS:
            loads = self.ctx.value(func.value).loaded_by
        for load in sorted(loads, key=id):
            if _leaves_default(load):
                self._report(load, "module", f"{self.ctx.text(call, 30)} uses it as one")
        for argument, use in self.ctx.object_arguments(call):
            for load in sorted(self.ctx.value(argument).loaded_by, key=id):
                if _leaves_default(load):
                    self._report(load, "object", f"{self.ctx.text(call.func, 30)}() uses it as one: {use}")

    def _pickled(self, saved: cst.BaseExpression) -> Optional[str]:
        """What of `saved` the weights-only unpickler refuses: "module", "optimizer" or
        "object", for the value or an element of a list, tuple or dict written out; None where
        it may be only tensors."""
        if isinstance(saved, (cst.List, cst.Tuple)):
            parts = [element.value for element in saved.elements]
        elif isinstance(saved, cst.Dict):
            parts = [element.value for element in saved.elements if isinstance(element, cst.DictElement)]
        else:
            value = self.ctx.value(saved)
            if value.kind in PICKLED_KINDS:
                return PICKLED_KINDS[value.kind]
            known_otherwise = value.kind is not None or value.tensor
            return "module" if not known_otherwise and dotted_name(saved) in self.scopes[-1].modules else None
        return next((what for what in map(self._pickled, parts) if what), None)

    def _key(self, path: cst.BaseExpression) -> str:
        """The same file for the same string, or the same code."""
        if isinstance(path, (cst.SimpleString, cst.ConcatenatedString)):
            text = path.evaluated_value
            if isinstance(text, str):
                return repr(text)
        return self.ctx.text(path, limit=10_000)

    def _report(self, load: cst.Call, what: str, evidence: str) -> None:
        fix = self.fix((load, with_keyword(load, "weights_only", cst.Name("False"))))
        self.report(load, fix=fix, call=f"{self.ctx.text(load.func)}()", what=what, evidence=evidence)


class Files:
    """The loads and saves of one module or function body, whose paths are compared by key."""

    def __init__(self) -> None:
        self.loads: dict = {}  # id(load call) -> (the call, the key of its path)
        self.saves: dict = {}  # path key -> [(save call, what it pickles, or None: maybe only tensors)]
        # Dotted names a method only modules have was called on so far (`resnet.parameters()`):
        # modules that the model of torch's API does not know (a torchvision model).
        self.modules: set = set()


def _integer_index(subscript: cst.Subscript) -> bool:
    """`x[0]`, `x[-1]`: one integer written out."""
    if len(subscript.slice) != 1 or not isinstance(subscript.slice[0].slice, cst.Index):
        return False
    index = subscript.slice[0].slice.value
    if isinstance(index, cst.UnaryOperation) and isinstance(index.operator, cst.Minus):
        index = index.expression
    return isinstance(index, cst.Integer)


def _leaves_default(load: cst.Call) -> bool:
    """Whether this torch.load() call loads with the default `weights_only`, True since 2.6:
    neither it nor `pickle_module` (whose use keeps the old default) given, by keyword, by
    position (the third argument) or maybe through `*args`/`**kwargs`."""
    if any(arg.star for arg in load.args):
        return False
    if any(arg.keyword is not None and arg.keyword.value in ("weights_only", "pickle_module") for arg in load.args):
        return False
    return sum(arg.keyword is None for arg in load.args) < 3 and bool(load.args)
