"""DET505: torch functions removed since PyTorch 1.9, which now raise when called."""

from __future__ import annotations

from ._base import Example, Raises, Rule

# The removed function -> (what calling it raises, what replaces it).
REMOVED = {
    "eig": ("RuntimeError", "torch.linalg.eig"),
    "symeig": ("RuntimeError", "torch.linalg.eigh"),
    "lstsq": ("RuntimeError", "torch.linalg.lstsq"),
    "solve": ("RuntimeError", "torch.linalg.solve, with the arguments swapped"),
    "matrix_rank": ("RuntimeError", "torch.linalg.matrix_rank"),
    "gels": ("AttributeError", "torch.linalg.lstsq"),
    "gesv": ("AttributeError", "torch.linalg.solve"),
    "potrf": ("AttributeError", "torch.linalg.cholesky"),
    "potrs": ("AttributeError", "torch.cholesky_solve"),
    "potri": ("AttributeError", "torch.cholesky_inverse"),
    "pstrf": ("AttributeError", "torch.linalg.cholesky"),
    "trtrs": ("AttributeError", "torch.linalg.solve_triangular"),
    "btrifact": ("AttributeError", "torch.linalg.lu_factor"),
    "btrisolve": ("AttributeError", "torch.lu_solve"),
}


class RemovedFunction(Rule):
    code = "DET505"
    name = "removed-function"
    message = "torch.{function}() was removed: calling it raises {error} (use {replacement})"
    needs = (r"\b(eig|symeig|lstsq|solve|matrix_rank|gels|gesv|potr[fsi]|pstrf|trtrs|btrifact|btrisolve)\s*\(",)
    what = (
        "Flags calls of torch functions that were deprecated in PyTorch 1.9 and later removed "
        "(`torch.eig`, `torch.symeig`, `torch.lstsq`, `torch.solve`, `torch.matrix_rank`) or "
        "removed earlier (`torch.gels`, `torch.gesv`, `torch.potrf`, `torch.trtrs`, "
        "`torch.btrifact`, ...)."
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
        if namespace == "torch" and function in REMOVED:
            error, replacement = REMOVED[function]
            if not self.ctx.catches(error):
                self.report(call, function=function, error=error, replacement=replacement)
