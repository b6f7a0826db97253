"""DET410: requires_grad on an integer or boolean tensor."""

from __future__ import annotations

import ast

import libcst as cst

from .. import torchapi
from ..syntax.ast_syntax import callee_name
from ..syntax.cst_syntax import first_arg, keyword_arg, literal_bool, method_name
from ._base import Example, Raises, WalkRule


class IntegerRequiresGrad(WalkRule):
    code = "DET410"
    name = "integer-requires-grad"
    message = "{tensor} holds integers: only floating point tensors can require grad (RuntimeError)"
    needs = (r"requires_grad|Parameter",)
    raises = "RuntimeError"
    what = (
        "Flags a tensor proven to hold integers or booleans made to require grad: a torch factory "
        "called with `requires_grad=True` and an integer dtype, or with integers where the dtype "
        "follows them (`torch.tensor([1, 2, 3], requires_grad=True)`, `torch.arange(5, "
        "requires_grad=True)`, `torch.full(size, 3, ...)`, `torch.randint(...)`); `nn.Parameter` "
        "of such a tensor; `x.requires_grad_()` and `x.requires_grad = True` on one (an `argmax`, "
        "a comparison, a `LongTensor`)."
    )
    why = (
        "Gradients exist only for floating point and complex tensors. Asking an integer tensor to "
        "require grad raises \"Only Tensors of floating point and complex dtype can require "
        "gradients\" where it is made, and `nn.Parameter` of one raises the same when the model "
        "is built. Make the tensor floating point first (`torch.tensor([1., 2., 3.])`, "
        "`dtype=torch.float32`, `.float()`), or leave an index tensor without gradients."
    )
    references = ("https://pytorch.org/docs/stable/notes/autograd.html#requires-grad",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.tensor([1, 2, 3], requires_grad=True)  # expect: DET410
""",
            good="""\
import torch

w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
""",
            proof=Raises("RuntimeError", "Only Tensors of floating point and complex dtype can require gradients"),
        ),
        Example(
            bad="""\
import torch
import torch.nn as nn

offsets = nn.Parameter(torch.arange(4))  # expect: DET410
""",
            good="""\
import torch
import torch.nn as nn

offsets = nn.Parameter(torch.arange(4.0))
""",
            proof=Raises("RuntimeError", "Only Tensors of floating point and complex dtype can require gradients"),
        ),
        Example(
            bad="""\
import torch

scores = torch.randn(4, 3)
labels = scores.argmax(dim=1)
labels.requires_grad_()  # expect: DET410
""",
            good="""\
import torch

scores = torch.randn(4, 3)
labels = scores.argmax(dim=1)
probabilities = scores.softmax(dim=1).requires_grad_()
""",
            proof=Raises("RuntimeError", "only Tensors of floating point dtype can require gradients"),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """The scope asks for grad (`requires_grad=`, `Parameter(...)`, `requires_grad_()`,
        `.requires_grad = `) and makes something integral: an integer-valued op, a comparison
        bound to a name, an integral factory or dtype, a factory given integers, or uses a
        name bound at module level."""
        imports = index.imports
        asks = integral = False
        for node in scope.of(ast.Call):
            name = callee_name(node, imports)
            asks = asks or name in ("Parameter", "requires_grad_") or any(k.arg == "requires_grad" for k in node.keywords)
            integral = integral or name in torchapi.INTEGRAL_RESULTS or name in torchapi.INTEGRAL_FACTORIES or (
                name in torchapi.INFERRING_FACTORIES and any(isinstance(a, (ast.Constant, ast.List, ast.Tuple)) for a in node.args)
            )
        for node in scope.of(ast.Attribute):
            asks = asks or node.attr == "requires_grad" and isinstance(node.ctx, ast.Store)
            integral = integral or node.attr in torchapi.INTEGER_DTYPES or node.attr == "indices"
        if not asks:
            return False
        # `hits = predicted == labels`; a tensor built at module level keeps its dtype (Evaluator.built)
        return integral or any(isinstance(node.value, ast.Compare) for node in scope.of(ast.Assign)) or any(
            node.id in index.built_globals for node in scope.of(ast.Name)
        )

    def on_call(self, call) -> None:
        name = self.ctx.qualname(call.func) or ""
        if name == "torch.nn.Parameter":
            data = first_arg(call, "data")
            flag = keyword_arg(call, "requires_grad")
            if flag is None and len(call.args) >= 2 and call.args[1].keyword is None:
                flag = call.args[1].value
            if data is not None and (flag is None or literal_bool(flag)) and self.ctx.value(data).integral:
                self.report(call, tensor=self.ctx.text(data))
        elif name.startswith("torch."):
            flag = keyword_arg(call, "requires_grad")
            if flag is not None and literal_bool(flag) and self.ctx.value(call).integral:
                self.report(call, tensor=self.ctx.text(call))
        elif method_name(call) == "requires_grad_" and isinstance(call.func, cst.Attribute):
            flag = first_arg(call, "requires_grad")
            if (flag is None or literal_bool(flag)) and self.ctx.value(call.func.value).integral:
                self.report(call, tensor=self.ctx.text(call.func.value))

    def on_attr_assign(self, target, value, statement) -> None:
        if target.attr.value == "requires_grad" and literal_bool(value) and self.ctx.value(target.value).integral:
            self.report(statement, tensor=self.ctx.text(target.value))
