"""The file's own torch import table: which local names stand for which torch objects.

Resolving names this way costs a dictionary lookup per name, where libcst's
QualifiedNameProvider costs several times the parse itself.
"""

from __future__ import annotations

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

    def __init__(self) -> None:
        self.names: dict[str, str] = {}

    def add(self, stmt: Union[cst.Import, cst.ImportFrom]) -> None:
        if isinstance(stmt, cst.Import):
            for alias in stmt.names:
                module = dotted_name(alias.name)
                if module is None or not (module == "torch" or module.startswith("torch.")):
                    continue
                if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                    self.names[alias.asname.name.value] = module
                else:  # `import torch.nn` binds `torch`
                    self.names["torch"] = "torch"
            return
        if stmt.relative or stmt.module is None or isinstance(stmt.names, cst.ImportStar):
            return
        module = dotted_name(stmt.module)
        if module is None or not (module == "torch" or module.startswith("torch.")):
            return
        for alias in stmt.names:
            name = dotted_name(alias.name)
            if name is None:
                continue
            local = name
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                local = alias.asname.name.value
            self.names[local] = f"{module}.{name}"

    def qualname(self, expr: cst.BaseExpression) -> Optional[str]:
        """The canonical torch name `expr` refers to, or None when it is not a torch name."""
        dotted = dotted_name(expr)
        if dotted is None:
            return None
        head, dot, rest = dotted.partition(".")
        base = self.names.get(head)
        if base is None:
            return None
        return canonical(base + dot + rest)

    def __bool__(self) -> bool:
        return bool(self.names)
