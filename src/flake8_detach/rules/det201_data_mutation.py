"""DET201: a write through `.data` into a tensor that a graph saved, before backward() uses it."""

from __future__ import annotations

from ._base import BACKWARD, Breaks, Example, WalkRule
from ._tensor_data import reads_data_attribute, written_tensor


class DataMutation(WalkRule):
    code = "DET201"
    name = "data-mutation"
    message = "{op} through {via} changes {tensor} behind autograd: backward() computes wrong gradients"
    needs = (r"\.\s*data\b", BACKWARD)
    possible_in = staticmethod(reads_data_attribute)
    what = (
        "Flags a write through `.data` (`w.data.mul_(0.5)`, `w.data[0] = 0`, `w.data += u`, "
        "`w.data = t`), or through a name bound to `.data` (`c = y.data; c.zero_()`), into a "
        "tensor that an op saved for its backward pass, when a value computed from that op later "
        "reaches `backward()`: the input of `*`, `/`, `@` or `**` whose other operand requires "
        "grad, or the output of `sigmoid`, `tanh`, `exp`, `softmax`, ... .\n\n"
        "Other writes through `.data` (weight initialisation, updates after `backward()`, storage "
        "swaps) are DET203, in the opt-in tier."
    )
    why = (
        "Changes made through `.data` do not bump the tensor's version counter, so autograd "
        "cannot tell that a value it saved for the backward pass has changed: the gradients are "
        "computed from the new values, silently. Change the tensor after `backward()`, or under "
        "`torch.no_grad()` on the tensor itself, where autograd raises an error instead of "
        "computing a wrong gradient."
    )
    references = ("https://pytorch.org/docs/stable/notes/autograd.html#in-place-operations-with-autograd",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
loss = (w ** 2).sum()  # pow saves w for backward
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
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
y = torch.sigmoid(w)  # sigmoid saves its output y for backward
view = y.data
view.zero_()  # expect: DET201
y.sum().backward()
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
y = torch.sigmoid(w)
view = y.detach().clone()
view.zero_()
y.sum().backward()
""",
            proof=Breaks("torch.allclose(w.grad, torch.sigmoid(w) * (1 - torch.sigmoid(w)))"),
        ),
    )

    def on_inplace(self, target, site, op, source) -> None:
        self._pend(target, site, op)

    def on_attr_assign(self, target, value, statement) -> None:
        if target.attr.value == "data":
            self._pend(target, target, "assignment")

    def _pend(self, target, site, op: str) -> None:
        """Report once a graph that saved the written tensor reaches backward()."""
        tensor = written_tensor(self.ctx, target)
        if tensor is None:
            return
        violation = self.violation(site, op=op, via=self.ctx.text(target, 30), tensor=tensor)
        for graph in self.ctx.names_whose_graph_saved(tensor):
            self.ctx.pend_on_name(graph, violation)
