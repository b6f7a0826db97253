"""DET309: an out-of-place tensor op as a statement of its own (`p.grad.clamp(-1, 1)`), which
changes nothing."""

from __future__ import annotations

import ast

import libcst as cst

from ..syntax.ast_syntax import dotted
from ..syntax.cst_syntax import method_name
from ._base import Breaks, Example, WalkRule

# Out-of-place methods whose in-place twin (`clamp_`) is what such a statement meant.
WITH_INPLACE_TWIN = frozenset(
    """abs add addcdiv addcmul clamp clamp_max clamp_min clip cos cosh cumprod cumsum div erf exp
    exp2 expm1 floor fmod hypot index_add lerp log log10 log1p log2 logit masked_fill mul nan_to_num
    neg pow reciprocal relu remainder round rsqrt scatter scatter_add sigmoid sign sin sinh sqrt
    square squeeze sub swapaxes t tan tanh transpose tril triu true_divide unsqueeze""".split()
)
# Attributes that are tensors whatever holds them.
TENSOR_ATTRIBUTES = ("grad", "data")
# Names that other objects' methods with effects share (`seen.add(x)`, `self.log("loss", x)`):
# only on a tensor attribute (`p.grad.add(...)`), which keeps the text gate narrow.
SHARED_NAMES = frozenset(("add", "log"))


class OpResultDiscarded(WalkRule):
    code = "DET309"
    name = "op-result-discarded"
    message = "{call} returns a new tensor and changes nothing: {target} stays as it was (use {method}_)"
    needs = (r"\.\s*(?:%s)\s*\(" % "|".join(sorted(WITH_INPLACE_TWIN)),)
    what = (
        "Flags an out-of-place tensor method that has an in-place twin called as a statement of its "
        "own, its result dropped: `p.grad.clamp(-1, 1)`, `x.mul(2)`, `x.unsqueeze(0)`, on a tensor "
        "held by a name or an attribute (built or computed here, or the `.grad` or `.data` of anything); "
        "`add` and `log`, which sets and loggers share, only on a `.grad` or `.data`; and torch's "
        "function form of such an op as a statement, without `out=`: `torch.fmod(w, 0.04)`."
    )
    why = (
        "These methods return a new tensor and leave the receiver as it was, so the statement does "
        "nothing: gradients meant to be clipped are not (`param.grad.data.clamp(-1, 1)` in a DQN "
        "update). Write in place with the method's in-place twin (`clamp_`), or bind the result. "
        "Moves and casts (`x.to(device)`, `x.float()`) are not reported: a dropped one often harms "
        "only on another device, or warms CUDA up on purpose (`torch.zeros(1).cuda()`)."
    )
    references = ("https://pytorch.org/docs/stable/tensors.html",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(2, requires_grad=True)
(w * torch.tensor([5.0, -5.0])).sum().backward()
w.grad.clamp(-1, 1)  # expect: DET309
""",
            good="""\
import torch

w = torch.ones(2, requires_grad=True)
(w * torch.tensor([5.0, -5.0])).sum().backward()
w.grad.clamp_(-1, 1)
""",
            proof=Breaks("w.grad.abs().max().item() <= 1"),
        ),
        Example(
            bad="""\
import torch

torch.manual_seed(0)
weight = torch.randn(100) * 0.1
torch.fmod(weight, 0.04)  # expect: DET309
""",
            good="""\
import torch

torch.manual_seed(0)
weight = torch.randn(100) * 0.1
weight.fmod_(0.04)
""",
            proof=Breaks("weight.abs().max().item() < 0.04"),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """Some statement is a bare `<name or attribute>.<method>(...)` of such a method, or a
        bare `torch.<op>(...)` of one."""
        return any(
            isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Attribute)
            and node.value.func.attr in WITH_INPLACE_TWIN
            and isinstance(node.value.func.value, (ast.Name, ast.Attribute))
            and (node.value.func.attr not in SHARED_NAMES
                 or getattr(node.value.func.value, "attr", None) in TENSOR_ATTRIBUTES
                 or _may_be_torch(dotted(node.value.func.value), index))
            for node in scope.of(ast.Expr)
        )

    def on_call(self, call) -> None:
        statement = self.ctx.statement
        if not isinstance(statement, cst.Expr) or statement.value is not call or self.ctx.result_is_displayed:
            return  # not a statement of its own, or a notebook cell's last expression (displayed: used)
        function = self.ctx.qualname(call.func) if isinstance(call.func, cst.Attribute) else None
        if function is not None:  # `torch.fmod(...)` (a bare `fmod(...)` imported from torch is left alone)
            self._function_form(call, function)
            return
        method = method_name(call)
        if method not in WITH_INPLACE_TWIN:
            return
        receiver = call.func.value
        if not isinstance(receiver, (cst.Name, cst.Attribute)):
            return  # a tensor made in the statement itself: nothing else could see a change
        tensor_attribute = isinstance(receiver, cst.Attribute) and receiver.attr.value in TENSOR_ATTRIBUTES
        if method in SHARED_NAMES and not tensor_attribute:
            return
        if not (self.ctx.value(receiver).tensor or tensor_attribute and self.ctx.imports_torch):
            return
        if self.ctx.calls_own_method(call):
            return  # a method of a class of the file, which may do anything
        self.report(call, call=self.ctx.text(call), target=self.ctx.text(receiver), method=method)

    def _function_form(self, call: cst.Call, function: str) -> None:
        """`torch.fmod(w, 0.04)`: torch's function form, without `out=`, makes a new tensor."""
        module, _, op = function.rpartition(".")
        first = call.args[0] if call.args else None
        if module != "torch" or op not in WITH_INPLACE_TWIN or first is None or first.keyword is not None or first.star:
            return
        if any(arg.keyword is not None and arg.keyword.value == "out" for arg in call.args):
            return  # writes into `out`
        if isinstance(first.value, (cst.Name, cst.Attribute)):
            self.report(call, call=self.ctx.text(call), target=self.ctx.text(first.value), method=op)


def _may_be_torch(name, index) -> bool:
    """Whether `name` may be the torch module where it is used (imported at module level, or
    by `import torch` in a function)."""
    return name == "torch" or index.imports.qualname_of_dotted(name) == "torch"
