"""DET104 (opt-in): an in-place write into an unnamed detach(), which writes into the original."""

from __future__ import annotations


from ..syntax.cst_syntax import viewed_base, viewed_name
from ._base import INPLACE, OPT_IN, Breaks, Example, WalkRule
from ._prechecks import calls_method


class InplaceOnUnnamedDetach(WalkRule):
    code = "DET104"
    name = "inplace-on-unnamed-detach"
    message = "{op} on {target} writes into {source}: detach() shares its storage"
    needs = ("detach", INPLACE)

    @staticmethod
    def possible_in(scope, index) -> bool:
        """An alias comes only from a `.detach()` call of the piece's own code."""
        return calls_method(scope, "detach")
    tier = OPT_IN
    tier_reason = (
        "Writing through `x.detach()` is the usual way to change a tensor behind autograd on "
        "purpose (initialisation, averaged weights): the write does what it says. Where a graph "
        "that saved `x` later reaches `backward()`, DET101 reports it in the default tier."
    )
    what = (
        "Flags in-place writes into `x.detach()` itself, or a view of it (`x.detach().zero_()`, "
        "`x.detach()[0] = 1`, `x.detach().copy_(y)`), where no graph that saved `x` reaches "
        "`backward()` (that case is DET101)."
    )
    why = (
        "`detach()` shares storage with `x`, so the write changes `x`. That is often the intent, "
        "but `with torch.no_grad(): x.zero_()` says so plainly; if a copy was meant, write into "
        "`x.detach().clone()` and keep the result."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.Tensor.detach.html",)
    examples = (
        Example(
            bad="""\
import torch

x = torch.zeros(3)
x.detach().fill_(1.0)  # expect: DET104
""",
            good="""\
import torch

x = torch.zeros(3)
y = x.detach().clone().fill_(1.0)
""",
            proof=Breaks("x.sum().item() == 0.0"),
        ),
    )

    def on_inplace(self, target, site, op, source) -> None:
        alias = self.ctx.value(target).alias
        if alias is None or viewed_base(target) is not alias:
            return
        saved = viewed_name(alias.func.value)
        if saved is not None and self.ctx.names_whose_graph_saved(saved):
            return  # DET101 reports it once the graph reaches backward()
        self.report(site, op=op, target=self.ctx.text(target), source=self.ctx.text(alias.func.value))
