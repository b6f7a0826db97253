"""The file's own torch import table: which local names stand for which torch objects.

Resolving names this way costs a dictionary lookup per name, where libcst's
QualifiedNameProvider costs several times the parse itself. Filled from Python's `ast`
(the module's imports, before libcst parses anything) and by the walk (a function's own
imports); it knows nothing of either syntax tree.
"""

from __future__ import annotations

import ast
from typing import Optional, Union

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
    """Local name -> qualified torch name, from `import` statements of the file."""

    def __init__(self, names: Optional[dict] = None) -> None:
        self.names: dict[str, str] = dict(names) if names else {}

    def copy(self) -> "ImportTable":
        return ImportTable(self.names)

    def add_ast(self, stmt: Union[ast.Import, ast.ImportFrom]) -> None:
        """What an `import` statement (in Python's `ast`) binds."""
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                self.bind_import(alias.name, alias.asname)
        elif not stmt.level and stmt.module is not None:
            for alias in stmt.names:
                if alias.name != "*":
                    self.bind_from_import(stmt.module, alias.name, alias.asname)

    def bind_import(self, module: str, asname: Optional[str]) -> None:
        """`import module [as asname]`."""
        if module == "torch" or module.startswith("torch."):
            if asname is not None:
                self.names[asname] = module
            else:  # `import torch.nn` binds `torch`
                self.names["torch"] = "torch"

    def bind_from_import(self, module: str, name: str, asname: Optional[str]) -> None:
        """`from module import name [as asname]`."""
        if module == "torch" or module.startswith("torch."):
            self.names[asname or name] = f"{module}.{name}"

    def qualname_of_dotted(self, dotted: Optional[str]) -> Optional[str]:
        if dotted is None:
            return None
        head, dot, rest = dotted.partition(".")
        base = self.names.get(head)
        if base is None:
            return None
        return canonical(base + dot + rest)
