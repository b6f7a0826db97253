"""DET428: `torch.no_grad()` as a statement of its own, outside any `with`."""

from __future__ import annotations

import ast

from .. import torchapi
from ..syntax.ast_syntax import dotted, statements
from ._base import Breaks, Example, FileRule

# Grad-mode context managers whose call alone changes nothing (set_grad_enabled() as a call
# does switch the mode: it is left out).
MANAGERS = frozenset(name for name, mode in torchapi.GRAD_MODE_SETTERS.items() if mode is not None)


class GradModeNotEntered(FileRule):
    code = "DET428"
    name = "grad-mode-not-entered"
    message = "{call} as a statement does not switch the grad mode: use `with {call}:`"
    needs = (r"no_grad|enable_grad|inference_mode",)
    what = (
        "Flags `torch.no_grad()`, `torch.enable_grad()` and `torch.inference_mode()` called as a "
        "statement of their own, not in a `with` nor as a decorator."
    )
    why = (
        "These are context managers: calling one builds the object, and only entering it "
        "(`with torch.no_grad():`) switches the grad mode. As a statement the object is thrown "
        "away: the code after it still records graphs (evaluation keeps every activation, memory "
        "grows, in-place updates of parameters raise), or, for `enable_grad()`, still records "
        "none. Put the code under `with torch.no_grad():`, or switch the mode for the rest of "
        "the scope with `torch.set_grad_enabled(False)`."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.no_grad.html",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(2, requires_grad=True)
torch.no_grad()  # expect: DET428
y = w * 2
""",
            good="""\
import torch

w = torch.ones(2, requires_grad=True)
with torch.no_grad():
    y = w * 2
""",
            proof=Breaks("not y.requires_grad"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        found = []
        for node in statements(index.tree.body):  # statements only: a call of its own is one
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
                qualname = index.imports.qualname_of_dotted(dotted(node.value.func))
                if qualname in MANAGERS:
                    call = index.code_of(node.value)
                    found.append((node, {"call": call}))
        return found
