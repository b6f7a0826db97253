"""DET202: reads of the legacy `.data` attribute where `.detach()` would do."""

from __future__ import annotations

import libcst as cst

from ..findings import SAFE
from ._base import OPT_IN, Breaks, Example, WalkRule
from ._tensor_data import called_method, is_graph_tensor_data, reads_data_attribute


class DataAccess(WalkRule):
    code = "DET202"
    name = "data-access"
    message = "{base}.data skips autograd's checks: edits through it corrupt gradients silently"
    needs = (r"\.\s*data\b",)
    possible_in = staticmethod(reads_data_attribute)
    tier = OPT_IN
    tier_reason = (
        "Reading `.data` gives the same values as `.detach()`; it only goes wrong when a write "
        "through the alias follows, which DET201 reports where it corrupts a gradient."
    )
    what = (
        "Flags reads of `.data` on a tensor (`x.data.cpu().numpy()`, `y = x.data`) where "
        "`.detach()` would do. Writes through `.data` are DET201 and DET203; the evidence that "
        "`.data` is Tensor.data is the same. The read in a storage swap (`p.data = p.data.half()`) "
        "is part of the swap, which DET203 reports."
    )
    why = (
        "`.data` and `.detach()` both return a tensor sharing storage with the original, but only "
        "`.detach()` shares the version counter. An in-place edit through a `.data` alias goes "
        "unnoticed and backward silently uses the edited values; through a `.detach()` alias "
        "autograd raises an error instead."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.Tensor.detach.html",)
    fix_safety = SAFE  # for reads `.detach()` gives the same values; offered only on a proven tensor
    fix_title = "replace `.data` with `.detach()`"
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
y = w * 2
alias = y.data  # expect: DET202
alias.zero_()
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
y = w * 2
alias = y.detach()
alias.zero_()
""",
            proof=Breaks("y._version == 1"),  # through `.detach()`, autograd sees the write
        ),
    )

    def on_attribute(self, node) -> None:
        if node.attr.value != "data" or self.ctx.is_written(node) or self._part_of_another_finding(node):
            return
        if is_graph_tensor_data(self.ctx, node, called_method(self.ctx, node)):
            # Only on a proven tensor is `.detach()` sure to exist (a PackedSequence's `.data`...).
            fix = self.fix((node, detach_instead_of_data(node))) if self.ctx.value(node.value).tensor else None
            self.report(node, fix=fix, base=self.ctx.text(node.value))

    def _part_of_another_finding(self, node: cst.Attribute) -> bool:
        """`p.data` read by `p.data = f(p.data)` (DET203's storage swap), or `loss.data[0]`
        (DET504's index of a 0-dim tensor)."""
        parent = self.ctx.parent(node)
        if isinstance(parent, cst.Subscript) and parent.value is node and self.ctx.value(node).zero_dim:
            return True
        return self._read_by_a_swap(node)

    def _read_by_a_swap(self, node: cst.Attribute) -> bool:
        """`node` is `p.data` read by `p.data = f(p.data)`."""
        statement = self.ctx.statement
        if not isinstance(statement, cst.Assign):
            return False
        code = self.ctx.text(node.value, 200)
        return any(
            isinstance(t.target, cst.Attribute) and t.target.attr.value == "data" and self.ctx.text(t.target.value, 200) == code
            for t in statement.targets
        )


def detach_instead_of_data(data: cst.Attribute) -> cst.Call:
    """`x.detach()` for `x.data`, keeping the attribute's parentheses outside."""
    method = data.with_changes(attr=cst.Name("detach"), lpar=[], rpar=[])
    return cst.Call(func=method, lpar=data.lpar, rpar=data.rpar)
