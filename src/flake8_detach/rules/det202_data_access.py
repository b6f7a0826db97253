"""DET202: reads of the legacy `.data` attribute where `.detach()` would do."""

from __future__ import annotations

import libcst as cst

from ..findings import SAFE
from ._base import Breaks, Example, Rule
from ._tensor_data import called_method, is_graph_tensor_data, reads_data_attribute


class DataAccess(Rule):
    code = "DET202"
    name = "data-access"
    message = "{base}.data skips autograd's checks: edits through it corrupt gradients silently"
    needs = (r"\.\s*data\b",)
    possible_in = staticmethod(reads_data_attribute)
    what = (
        "Flags reads of `.data` on a tensor (`x.data.cpu().numpy()`, `y = x.data`) where "
        "`.detach()` would do. Writes through `.data` are DET201; the evidence that `.data` is "
        "Tensor.data is the same."
    )
    why = (
        "`.data` and `.detach()` both return a tensor sharing storage with the original, but only "
        "`.detach()` shares the version counter. An in-place edit through a `.data` alias goes "
        "unnoticed and backward silently uses the edited values; through a `.detach()` alias "
        "autograd raises an error instead."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.Tensor.detach.html",)
    fix_safety = SAFE  # only reads are flagged, and for reads `.detach()` gives the same values
    fix_title = "replace `.data` with `.detach()`"
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
y = w.sigmoid()  # sigmoid saves its output y for backward
snapshot = y.data  # expect: DET202
snapshot.zero_()
y.sum().backward()
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
y = w.sigmoid()
snapshot = y.detach().clone()
snapshot.zero_()
y.sum().backward()
""",
            proof=Breaks("torch.allclose(w.grad, torch.sigmoid(w) * (1 - torch.sigmoid(w)))"),
            fixed="""\
import torch

w = torch.ones(3, requires_grad=True)
y = w.sigmoid()  # sigmoid saves its output y for backward
snapshot = y.detach().clone()
snapshot.zero_()
y.sum().backward()
""",
        ),
    )

    def on_attribute(self, node) -> None:
        if node.attr.value != "data" or self.ctx.is_written(node):
            return
        if is_graph_tensor_data(self.ctx, node, called_method(self.ctx, node)):
            self.report(node, fix=self.fix((node, detach_instead_of_data(node))), base=self.ctx.text(node.value))


def detach_instead_of_data(data: cst.Attribute) -> cst.Call:
    """`x.detach()` for `x.data`, keeping the attribute's parentheses outside."""
    method = data.with_changes(attr=cst.Name("detach"), lpar=[], rpar=[])
    return cst.Call(func=method, lpar=data.lpar, rpar=data.rpar)
