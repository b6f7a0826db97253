"""DET409: an optimizer given a tensor that is not a leaf."""

from __future__ import annotations

import ast

import libcst as cst

from ..syntax.ast_syntax import dotted

from ._base import Example, Raises, WalkRule


class NonLeafOptimized(WalkRule):
    code = "DET409"
    name = "non-leaf-optimized"
    message = "{tensor} is not a leaf (an op made it): the optimizer raises ValueError"
    needs = (r"optim",)
    raises = "ValueError"
    what = (
        "Flags a `torch.optim` optimizer built with a list or tuple holding a tensor proven not "
        "to be a leaf: typically one made by an op on a factory called with "
        "`requires_grad=True` (`w = torch.rand(3, requires_grad=True) - 0.5`, `* 0.01`, "
        "`.float()`), which keeps the leaf inside and binds its result."
    )
    why = (
        "An op on a tensor that requires grad gives a new, non-leaf tensor; gradients accumulate "
        "in the leaf the code no longer holds. An optimizer refuses it: \"can't optimize a "
        "non-leaf Tensor\". Make the leaf last: `w = (torch.rand(3) - 0.5).requires_grad_()`."
    )
    references = ("https://pytorch.org/docs/stable/optim.html",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.rand(3, requires_grad=True) - 0.5
optimizer = torch.optim.SGD([w], lr=0.1)  # expect: DET409
""",
            good="""\
import torch

w = (torch.rand(3) - 0.5).requires_grad_()
optimizer = torch.optim.SGD([w], lr=0.1)
""",
            proof=Raises("ValueError", "can't optimize a non-leaf Tensor"),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """A torch.optim class called on a list or tuple written out."""
        imports = index.imports
        for node in scope.of(ast.Call):
            if node.args and isinstance(node.args[0], (ast.List, ast.Tuple)):
                name = imports.qualname_of_dotted(dotted(node.func)) or ""
                if name.startswith("torch.optim."):
                    return True
        return False

    def on_call(self, call) -> None:
        name = self.ctx.qualname(call.func) or ""
        namespace, _, last = name.rpartition(".")
        if not (namespace.startswith("torch.optim") and last[:1].isupper() and call.args):
            return
        params = call.args[0].value
        if not isinstance(params, (cst.List, cst.Tuple)):
            return
        for element in params.elements:
            value = self.ctx.value(element.value)
            if value.grad and value.leaf is False:
                self.report(call, tensor=self.ctx.text(element.value))
                return
