"""The file's own torch import table: which local names stand for which torch objects.

Resolving names this way costs a dictionary lookup per name, where libcst's
QualifiedNameProvider costs several times the parse itself. Filled from Python's `ast`
(the module's imports, before libcst parses anything) and by the walk (a function's own
imports); it knows nothing of either syntax tree.
"""

from __future__ import annotations

import ast
from typing import Optional, Union

# Deep-learning frameworks other than torch, by their top-level module.
OTHER_FRAMEWORKS = frozenset("mxnet tensorflow keras jax flax paddle mindspore chainer oneflow megengine".split())
# Libraries of tables, whose full reductions (`df.sum()`) give a row that an index reads.
TABLE_LIBRARIES = frozenset("pandas polars modin dask pyspark cudf".split())

# Public re-exports that name the same object; findings key on the canonical name.
CANONICAL = {
    "torch.autograd.Variable": "torch.autograd.Variable",
    "torch.autograd.variable.Variable": "torch.autograd.Variable",
    "torch.autograd.no_grad": "torch.no_grad",
    "torch.autograd.grad_mode.no_grad": "torch.no_grad",
    "torch.autograd.enable_grad": "torch.enable_grad",
    "torch.autograd.grad_mode.enable_grad": "torch.enable_grad",
    "torch.autograd.set_grad_enabled": "torch.set_grad_enabled",
    "torch.autograd.grad_mode.set_grad_enabled": "torch.set_grad_enabled",
    "torch.autograd.inference_mode": "torch.inference_mode",
    "torch.autograd.grad_mode.inference_mode": "torch.inference_mode",
    "torch.nn.parameter.Parameter": "torch.nn.Parameter",
    "torch.nn.modules.module.Module": "torch.nn.Module",
    "torch.functional": "torch",
}


def canonical(qualname: str) -> str:
    if qualname in CANONICAL:
        return CANONICAL[qualname]
    head, _, last = qualname.rpartition(".")
    if head in CANONICAL:
        return CANONICAL[head] + "." + last
    return qualname


class ImportTable:
    """Local name -> qualified torch name, from `import` statements of the file; and the names
    imported from other modules, whose spelling says nothing (`from losses import focal_loss`)."""

    def __init__(self, names: Optional[dict] = None, foreign: frozenset = frozenset(), frameworks=frozenset(),
                 tables: bool = False, arrays: frozenset = frozenset()) -> None:
        self.names: dict[str, str] = dict(names) if names else {}
        self.foreign: set = set(foreign)
        self.frameworks: set = set(frameworks)  # other deep-learning frameworks imported (mxnet, jax...)
        self.tables = tables  # a library of tables is imported (pandas...)
        self.arrays: set = set(arrays)  # local names bound to numpy (`np`): what they compute holds no graph

    def copy(self) -> "ImportTable":
        return ImportTable(self.names, frozenset(self.foreign), frozenset(self.frameworks), self.tables,
                           frozenset(self.arrays))

    @property
    def other_framework_only(self) -> bool:
        """Whether the code imports another deep-learning framework and no torch: its `loss`,
        `backward()` and `detach()` are that framework's (d2l's MXNet chapters)."""
        return bool(self.frameworks) and not self.names

    def rebind(self, local: str) -> None:
        """`local` is bound to something else (`import numpy as torch`, `torch = None`)."""
        self.names.pop(local, None)
        self.arrays.discard(local)

    def add_ast(self, stmt: Union[ast.Import, ast.ImportFrom]) -> None:
        """What an `import` statement (in Python's `ast`) binds."""
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                self.bind_import(alias.name, alias.asname)
        else:
            module = stmt.module if not stmt.level else ""  # a relative import is never torch
            for alias in stmt.names:
                if alias.name != "*":
                    self.bind_from_import(module or "", alias.name, alias.asname)

    def bind_import(self, module: str, asname: Optional[str]) -> None:
        """`import module [as asname]`."""
        if module == "torch" or module.startswith("torch."):
            if asname is not None:
                self.names[asname] = module
            else:  # `import torch.nn` binds `torch`
                self.names["torch"] = "torch"
        else:
            self._foreign(asname or module.partition(".")[0])
            self._note_framework(module)
            if module == "numpy" or asname is not None and module.startswith("numpy."):
                self.arrays.add(asname or module)

    def bind_from_import(self, module: str, name: str, asname: Optional[str]) -> None:
        """`from module import name [as asname]`."""
        if module == "torch" or module.startswith("torch."):
            self.names[asname or name] = f"{module}.{name}"
        else:
            self._foreign(asname or name)
            self._note_framework(module, name)  # `from d2l import mxnet as d2l` too

    def bind_project_name(self, local: str, qualname: str) -> None:
        """`local` is bound to the torch name `qualname` by an import from a module of the
        project (`from model import *`, where model.py imports `torch.nn as nn`)."""
        self.names[local] = qualname
        self.foreign.discard(local)

    def _note_framework(self, *modules: str) -> None:
        self.frameworks.update(m.partition(".")[0] for m in modules if m.partition(".")[0] in OTHER_FRAMEWORKS)
        self.tables = self.tables or any(m.partition(".")[0] in TABLE_LIBRARIES for m in modules)

    def _foreign(self, local: str) -> None:
        self.rebind(local)
        self.foreign.add(local)

    def qualname_of_dotted(self, dotted: Optional[str]) -> Optional[str]:
        if dotted is None:
            return None
        head, dot, rest = dotted.partition(".")
        base = self.names.get(head)
        if base is None:
            return None
        return canonical(base + dot + rest)
