"""DET203 (opt-in): any other write through the legacy `.data` attribute."""

from __future__ import annotations

import libcst as cst

from ._base import OPT_IN, Breaks, Example, WalkRule
from ._tensor_data import data_attribute, is_graph_tensor_data, names_a_container, reads_data_attribute, written_tensor


class DataWrite(WalkRule):
    code = "DET203"
    name = "data-write"
    message = "{op} through {base}.data is hidden from autograd's checks: write under torch.no_grad()"
    needs = (r"\.\s*data\b",)
    possible_in = staticmethod(reads_data_attribute)
    tier = OPT_IN
    tier_reason = (
        "Most writes through `.data` run where no graph holds the tensor (weight initialisation, "
        "optimizer and EMA updates after `backward()`, checkpoint loading) and do no harm; the "
        "ones that corrupt gradients are DET201, in the default tier."
    )
    what = (
        "Flags writes through `.data` on a tensor that DET201 does not report: in-place methods "
        "(`p.data.add_(u)`, `p.data.copy_(t)`), item assignment (`p.data[0] = 0`), augmented "
        "assignment (`p.data += u`) and storage swaps (`p.data = t`).\n\n"
        "`.data` counts only where the object is evidently a tensor: a torch factory or op "
        "result, a parameter from `.parameters()`, a `.weight`/`.bias` attribute, or a "
        "tensor-only method called on `.data`, in a file that imports torch. Objects named like "
        "data containers (`dataset.data`, `batch.data`, `self.data`) are left alone, and so are "
        "gradients (`p.grad.data`) and bool or integer tensors: they belong to no graph."
    )
    why = (
        "A write through `.data` does not bump the tensor's version counter: autograd cannot "
        "tell that the tensor changed, and if a graph saved it, `backward()` silently computes "
        "gradients from the new values (DET201). Written under `torch.no_grad()` on the tensor "
        "itself, the same change is checked: autograd raises instead of computing wrong "
        "gradients. A storage swap (`p.data = t`) has no checked equivalent: under "
        "`torch.no_grad()`, `p.copy_(t)` when the shapes agree, or a new `nn.Parameter(t)`."
    )
    references = ("https://pytorch.org/docs/stable/notes/autograd.html#in-place-operations-with-autograd",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
w.data.mul_(0.5)  # expect: DET203
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
with torch.no_grad():
    w.mul_(0.5)
""",
            proof=Breaks("w._version == 1"),  # the version counter saw the write
        ),
    )

    def on_inplace(self, target, site, op, source) -> None:
        data = data_attribute(target)
        if data is None or self._saved_by_a_graph(target):
            return
        receiver_of_call = isinstance(site, cst.Call) and isinstance(site.func, cst.Attribute)
        method = site.func.attr.value if receiver_of_call and site.func.value is data else None
        if is_graph_tensor_data(self.ctx, data, method):
            self.report(site, op=op, base=self.ctx.text(data.value))

    def on_attr_assign(self, target, value, statement) -> None:
        if target.attr.value != "data" or self._saved_by_a_graph(target):
            return
        base = target.value
        evident = is_graph_tensor_data(self.ctx, target) or (
            self.ctx.imports_torch
            and isinstance(base, cst.Name)
            and not names_a_container(base)
            and self.ctx.value(value).tensor
        )
        if evident:
            self.report(target, op="assignment", base=self.ctx.text(base))

    def _saved_by_a_graph(self, target) -> bool:
        """DET201's case: it reports the write if the graph reaches backward()."""
        tensor = written_tensor(self.ctx, target)
        return tensor is not None and bool(self.ctx.names_whose_graph_saved(tensor))
