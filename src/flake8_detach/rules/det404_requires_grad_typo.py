"""DET404: `requires_grad` spelt wrong."""

from __future__ import annotations

import libcst as cst

from ..syntax.cst_syntax import method_name
from ..engine.facts import MODULE
from ..findings import SAFE, UNSAFE, Fix
from ._base import Breaks, Example, Raises, WalkRule

# Misspellings seen in the wild, compared lower-case without underscores.
TYPOS = frozenset(
    """requiregrad requiregrads requiresgrads requiresgradient requiregradient requiresgradients
    requiregradients requiredgrad requiredgrads requiresgrade requirsgrad requiersgrad
    requiresgrd""".split()
)


def is_typo(name: str) -> bool:
    squashed = name.lower().replace("_", "")
    return name != "requires_grad" and (squashed in TYPOS or squashed == "requiresgrad")


class RequiresGradTypo(WalkRule):
    code = "DET404"
    name = "requires-grad-typo"
    message = "misspelt {typo} is not requires_grad: {effect}"
    needs = (r"equire(?!s_grad_?\b)\w*[Gg]rad",)  # (r)equire...grad, but not requires_grad
    what = (
        "Flags misspellings of `requires_grad` (`require_grad`, `requires_grads`, "
        "`requires_gradient`, ...) assigned as an attribute of a tensor or module "
        "(`p.require_grad = False`) or passed as a keyword to a torch call "
        "(`torch.zeros(3, require_grad=True)`)."
    )
    why = (
        "Tensors and modules accept any attribute name, so `p.require_grad = False` runs and "
        "freezes nothing: training silently updates the weights meant to stay fixed. As a keyword, "
        "torch rejects the misspelling with a TypeError."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.Tensor.requires_grad.html",)
    fix_safety = SAFE  # for keywords and proven leaves; unsafe on another tensor, none on a module
    fix_title = "correct the spelling to `requires_grad`"
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
w.require_grad = False  # expect: DET404
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
w.requires_grad = False
""",
            proof=Breaks("w.requires_grad is False"),
        ),
        Example(
            bad="""\
import torch

w = torch.zeros(3, require_grad=True)  # expect: DET404
""",
            good="""\
import torch

w = torch.zeros(3, requires_grad=True)
""",
            proof=Raises("TypeError", "unexpected keyword argument 'require_grad'"),
        ),
    )

    def on_attr_assign(self, target, value, statement) -> None:
        base = self.ctx.value(target.value)
        if is_typo(target.attr.value) and (base.tensor or base.kind == MODULE):
            # The right spelling raises on a non-leaf ("only change requires_grad flags of leaf
            # variables") and is a plain attribute on a module: safe only on a proven leaf.
            fix = None
            if base.kind != MODULE:
                safety = SAFE if base.leaf else UNSAFE
                fix = Fix(safety, self.fix_title, ((target.attr, cst.Name("requires_grad")),))
            self.report(target, fix=fix, typo=target.attr.value, effect="the assignment changes nothing")

    def on_call(self, call) -> None:
        name = self.ctx.qualname(call.func)
        if name is None and method_name(call) != "requires_grad_":
            return
        if name is not None and any(part.startswith("_") for part in name.split(".")):
            return  # private API has its own spelling: Tensor._make_subclass(require_grad=...)
        for arg in call.args:
            if arg.keyword is not None and is_typo(arg.keyword.value):
                fix = self.fix((arg.keyword, cst.Name("requires_grad")))
                self.report(arg, fix=fix, typo=arg.keyword.value, effect="raises TypeError")
