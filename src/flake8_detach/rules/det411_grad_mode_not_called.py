"""DET411: a grad-mode context manager used without calling it."""

from __future__ import annotations

import ast

import libcst as cst

from .. import torchapi
from ..syntax.ast_syntax import dotted
from ..findings import SAFE
from ._base import Example, Raises, WalkRule


class GradModeNotCalled(WalkRule):
    code = "DET411"
    name = "grad-mode-not-called"
    message = "with {manager}: uses the class, not an instance: add () (TypeError)"
    # The name itself, then no call: `with torch.no_grad:`, `with a, no_grad as b:`.
    needs = (r"(no_grad|enable_grad|inference_mode|set_grad_enabled)\s*(:|,|\bas\b)", r"with\b")
    raises = ("TypeError", "AttributeError")  # TypeError since Python 3.11, AttributeError before
    what = (
        "Flags `with torch.no_grad:`, `with torch.enable_grad:`, `with torch.inference_mode:` and "
        "`with torch.set_grad_enabled:`, the class written where an instance is needed."
    )
    why = (
        "A `with` statement needs a context manager object; these names are classes, so the "
        "statement raises before its block runs (\"'type' object does not support the context "
        "manager protocol\" since Python 3.11, `AttributeError: __enter__` before), and the "
        "evaluation or update it guards never runs. Call it: `with torch.no_grad():`."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.no_grad.html",)
    fix_safety = SAFE  # the call is what the statement needs to run at all
    fix_title = "call it: `with torch.no_grad:` -> `with torch.no_grad():`"
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
with torch.no_grad:  # expect: DET411
    w -= 0.1
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
with torch.no_grad():
    w -= 0.1
""",
            proof=Raises(("TypeError", "AttributeError"), r"context manager protocol|__enter__"),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """A with-item that is a grad-mode setter's name, not a call of it."""
        imports = index.imports
        return any(
            isinstance(node.context_expr, (ast.Name, ast.Attribute))
            and imports.qualname_of_dotted(dotted(node.context_expr)) in torchapi.GRAD_MODE_SETTERS
            for node in scope.of(ast.withitem)
        )

    def on_with_item(self, manager) -> None:
        if isinstance(manager, (cst.Name, cst.Attribute)) and self.ctx.qualname(manager) in torchapi.GRAD_MODE_SETTERS:
            call = cst.Call(func=manager)
            self.report(manager, fix=self.fix((manager, call)), manager=self.ctx.text(manager))
