"""The file's own torch import table: which local names stand for which torch objects.

Resolving names this way costs a dictionary lookup per name, where libcst's
QualifiedNameProvider costs several times the parse itself.
"""

from __future__ import annotations

import ast
from typing import Optional, Union

import libcst as cst

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


def dotted_name(expr: cst.BaseExpression) -> Optional[str]:
    """`a.b.c` for a chain of plain names, else None."""
    parts = []
    while isinstance(expr, cst.Attribute):
        parts.append(expr.attr.value)
        expr = expr.value
    if not isinstance(expr, cst.Name):
        return None
    parts.append(expr.value)
    return ".".join(reversed(parts))


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
        """The same as `add`, for Python's own `ast` nodes."""
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                self._bind(alias.name, alias.asname)
        elif not stmt.level and stmt.module is not None:
            for alias in stmt.names:
                if alias.name != "*":
                    self._bind_from(stmt.module, alias.name, alias.asname)

    def _bind(self, module: str, asname: Optional[str]) -> None:
        if module == "torch" or module.startswith("torch."):
            if asname is not None:
                self.names[asname] = module
            else:  # `import torch.nn` binds `torch`
                self.names["torch"] = "torch"

    def _bind_from(self, module: str, name: str, asname: Optional[str]) -> None:
        if module == "torch" or module.startswith("torch."):
            self.names[asname or name] = f"{module}.{name}"

    def add(self, stmt: Union[cst.Import, cst.ImportFrom]) -> None:
        if isinstance(stmt, cst.Import):
            for alias in stmt.names:
                module = dotted_name(alias.name)
                if module is not None:
                    self._bind(module, _asname(alias))
        elif not stmt.relative and stmt.module is not None and not isinstance(stmt.names, cst.ImportStar):
            module = dotted_name(stmt.module)
            for alias in stmt.names:
                name = dotted_name(alias.name)
                if module is not None and name is not None:
                    self._bind_from(module, name, _asname(alias))

    def qualname(self, expr: cst.BaseExpression) -> Optional[str]:
        """The canonical torch name `expr` refers to, or None when it is not a torch name."""
        return self.qualname_of_dotted(dotted_name(expr))

    def qualname_of_dotted(self, dotted: Optional[str]) -> Optional[str]:
        if dotted is None:
            return None
        head, dot, rest = dotted.partition(".")
        base = self.names.get(head)
        if base is None:
            return None
        return canonical(base + dot + rest)


def _asname(alias: cst.ImportAlias) -> Optional[str]:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return None
