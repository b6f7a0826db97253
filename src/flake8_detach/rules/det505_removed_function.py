"""DET505: torch functions removed since PyTorch 1.9, which now raise when called."""

from __future__ import annotations

from ..torchapi import REMOVED_FUNCTIONS
from ._base import Example, Raises, WalkRule

# The table of removed functions (torchapi.REMOVED_FUNCTIONS), by name: a row there is a rule
# instance here, proven by its example in tests/test_removed_apis.py.
REMOVED = {removed.name: removed for removed in REMOVED_FUNCTIONS}

class RemovedFunctionCall(WalkRule):
    code = "DET505"
    name = "removed-function"
    message = "torch.{function}() was removed in PyTorch {since}: calling it raises {error} (use {replacement})"
    needs = (r"\b(" + "|".join(sorted(REMOVED)) + r")\s*\(",)
    what = (
        "Flags calls of torch functions that were removed, from the versioned table of "
        "`torchapi.REMOVED_FUNCTIONS`: deprecated in PyTorch 1.9 and removed in 1.13 or 2.0 "
        "(`torch.eig`, `torch.symeig`, `torch.lstsq`, `torch.solve`, `torch.matrix_rank`), or "
        "removed earlier (`torch.gels`, `torch.gesv`, `torch.potrf`, `torch.trtrs`, "
        "`torch.btrifact`, the pre-1.8 `torch.rfft`, `torch.irfft`, `torch.ifft`, ...)."
    )
    why = (
        "The first five still exist but raise \"This function was deprecated since version 1.9 "
        "and is now removed\"; the others no longer exist (AttributeError). Old linear-algebra "
        "code stops there; `torch.linalg` has the replacements."
    )
    references = ("https://pytorch.org/docs/stable/linalg.html",)
    examples = (
        Example(
            bad="""\
import torch

values = torch.eig(torch.eye(2))  # expect: DET505
""",
            good="""\
import torch

values = torch.linalg.eig(torch.eye(2))
""",
            proof=Raises("RuntimeError", "deprecated since version 1.9 and is now removed"),
        ),
    )

    def on_call(self, call) -> None:
        name = self.ctx.qualname(call.func) or ""
        namespace, _, function = name.rpartition(".")
        removed = REMOVED.get(function) if namespace == "torch" else None
        if removed is not None:
            self.report(call, raises=removed.error, function=function, since=removed.since, error=removed.error,
                        replacement=removed.replacement)
