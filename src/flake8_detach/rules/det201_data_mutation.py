"""DET201: writes through the legacy `.data` attribute, which autograd does not track."""

from __future__ import annotations

import libcst as cst

from ._base import Breaks, Example, Rule
from ._tensor_data import data_attribute, is_graph_tensor_data, names_a_container, reads_data_attribute


class DataMutation(Rule):
    code = "DET201"
    name = "data-mutation"
    message = "{op} through {base}.data is hidden from autograd: gradients use changed values"
    needs = (r"\.\s*data\b",)
    possible_in = staticmethod(reads_data_attribute)
    what = (
        "Flags writes through `.data` on a tensor: in-place methods (`p.data.add_(u)`, "
        "`p.data.copy_(t)`), item assignment (`p.data[0] = 0`), augmented assignment "
        "(`p.data += u`) and rebinding (`p.data = t`).\n\n"
        "`.data` counts only where the object is evidently a tensor: a torch factory or op "
        "result, a parameter from `.parameters()`, a `.weight`/`.bias` attribute, or a "
        "tensor-only method called on `.data`. Objects named like data containers "
        "(`dataset.data`, `batch.data`, `self.data`) are left alone, and so are gradients "
        "(`p.grad.data`): they belong to no graph."
    )
    why = (
        "Changes made through `.data` do not bump the tensor's version counter, so autograd "
        "cannot tell that a value it saved for the backward pass has changed: gradients are then "
        "computed from the new values, silently. Make the change under `torch.no_grad()` on the "
        "tensor itself, where autograd raises an error instead of computing a wrong gradient."
    )
    references = ("https://pytorch.org/docs/stable/notes/autograd.html#in-place-operations-with-autograd",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
loss = (w ** 2).sum()
w.data.mul_(0.5)  # expect: DET201
loss.backward()
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
loss = (w ** 2).sum()
loss.backward()
with torch.no_grad():
    w.mul_(0.5)
""",
            proof=Breaks("w.grad.tolist() == [2.0, 2.0, 2.0]"),
        ),
    )

    def on_inplace(self, target, site, op, source) -> None:
        data = data_attribute(target)
        receiver_of_call = isinstance(site, cst.Call) and isinstance(site.func, cst.Attribute)
        method = site.func.attr.value if receiver_of_call and site.func.value is data else None
        if data is not None and is_graph_tensor_data(self.ctx, data, method):
            self.report(site, op=op, base=self.ctx.text(data.value))

    def on_attr_assign(self, target, value, statement) -> None:
        if target.attr.value != "data":
            return
        base = target.value
        evident = is_graph_tensor_data(self.ctx, target) or (
            isinstance(base, cst.Name) and not names_a_container(base) and self.ctx.value(value).tensor
        )
        if evident:
            self.report(target, op="assignment", base=self.ctx.text(base))
