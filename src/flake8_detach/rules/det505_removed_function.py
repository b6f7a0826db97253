"""DET505: torch functions and Tensor methods removed since PyTorch 0.3, which now raise when called."""

from __future__ import annotations

import ast

import libcst as cst

from ..torchapi import REMOVED_FUNCTIONS, REMOVED_METHODS
from ._base import Example, Raises, WalkRule

# The tables of removed functions and methods (torchapi.REMOVED_FUNCTIONS, REMOVED_METHODS), by
# name: a row there is a rule instance here, proven by its example in tests/test_removed_apis.py.
REMOVED = {removed.name: removed for removed in REMOVED_FUNCTIONS}
REMOVED_METHOD = {removed.name: removed for removed in REMOVED_METHODS}
# Namespaces whose functions share the removed names and are current (`torch.linalg.solve`,
# `np.fft.fft`): a call through one cannot be a removed function or a Tensor method.
CURRENT_NAMESPACES = frozenset(("linalg", "fft"))


class RemovedFunctionCall(WalkRule):
    code = "DET505"
    name = "removed-function"
    message = "{function}() was removed in PyTorch {since}: calling it raises {error} (use {replacement})"
    needs = (r"\b(" + "|".join(sorted(REMOVED.keys() | REMOVED_METHOD.keys())) + r")\s*\(",)
    what = (
        "Flags calls of torch functions that were removed, from the versioned table of "
        "`torchapi.REMOVED_FUNCTIONS`: deprecated in PyTorch 1.9 and removed in 1.13 or 2.0 "
        "(`torch.eig`, `torch.symeig`, `torch.lstsq`, `torch.solve`, `torch.matrix_rank`), or "
        "removed earlier (`torch.gels`, `torch.gesv`, `torch.potrf`, `torch.trtrs`, "
        "`torch.btrifact`, the pre-1.8 `torch.rfft`, `torch.irfft`, `torch.ifft`, and "
        "`torch.fft(x, 1)` now that `torch.fft` is a module, ...); and the same names as "
        "methods of a value known to be a tensor (`A.eig()`, `b.gesv(A)`), from "
        "`torchapi.REMOVED_METHODS`, with `t.reinforce(reward)` of the stochastic functions removed "
        "in 0.3."
    )
    why = (
        "The first five still exist but raise \"This function was deprecated since version 1.9 "
        "and is now removed\"; the others no longer exist (AttributeError; `torch.fft(x, 1)`: "
        "TypeError, a module is not callable). Old linear-algebra and signal code stops there; "
        "`torch.linalg` and `torch.fft` have the replacements. `t.reinforce(r)` raises "
        "\"reinforce() was removed\": `torch.distributions` gives the log-probability to "
        "weight by the reward."
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

    @staticmethod
    def possible_in(scope, index) -> bool:
        """Some call names a removed function or method, not through `linalg.` or `fft.`."""
        for call in scope.of(ast.Call):
            func = call.func
            if isinstance(func, ast.Name) and func.id in REMOVED:
                return True
            if isinstance(func, ast.Attribute) and (func.attr in REMOVED or func.attr in REMOVED_METHOD):
                receiver = func.value
                name = receiver.attr if isinstance(receiver, ast.Attribute) else getattr(receiver, "id", None)
                if name not in CURRENT_NAMESPACES:
                    return True
        return False

    def on_call(self, call) -> None:
        name = self.ctx.qualname(call.func)
        if name is not None:
            namespace, _, function = name.rpartition(".")
            removed = REMOVED.get(function) if namespace == "torch" else None
            qualified = f"torch.{function}"
        elif isinstance(call.func, cst.Attribute) and call.func.attr.value in REMOVED_METHOD:
            removed = REMOVED_METHOD[call.func.attr.value] if self.ctx.value(call.func.value).tensor else None
            qualified = f"Tensor.{call.func.attr.value}"
        else:
            return
        if removed is not None:
            self.report(call, raises=removed.error, function=qualified, since=removed.since, error=removed.error,
                        replacement=removed.replacement)
