"""DET513: a PackedSequence unpacked into two names, as it had two fields before PyTorch 1.1."""

from __future__ import annotations

import libcst as cst

from ..findings import SAFE
from ._base import Example, Raises, WalkRule

# torch functions returning a PackedSequence: four fields since 1.1 (data, batch_sizes,
# sorted_indices, unsorted_indices), two before.
PACKING = frozenset((
    "torch.nn.utils.rnn.pack_padded_sequence",
    "torch.nn.utils.rnn.pack_sequence",
))


class PackedSequenceUnpacked(WalkRule):
    code = "DET513"
    name = "packed-sequence-unpacked"
    message = "{call} gives a PackedSequence of four fields since PyTorch 1.1: unpacking two raises ValueError"
    needs = (r"pack_(?:padded_)?sequence",)
    raises = "ValueError"
    what = (
        "Flags `a, b = pack_padded_sequence(...)` (or `pack_sequence`): the result of torch's "
        "packing function unpacked into exactly two names."
    )
    why = (
        "A `PackedSequence` is a named tuple. Up to PyTorch 1.0 it had two fields, `data` and "
        "`batch_sizes`, and code of that time unpacked it to get the packed data "
        "(`scores, _ = pack_padded_sequence(scores, lengths, batch_first=True)`, a common way to "
        "drop the padding before a loss). Since 1.1 it also has `sorted_indices` and "
        "`unsorted_indices`, so the unpacking raises `ValueError: too many values to unpack`."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.nn.utils.rnn.PackedSequence.html",)
    fix_safety = SAFE  # the first two fields are what the two names got before 1.1
    fix_title = "unpack the first two fields: `pack_padded_sequence(...)[:2]`"
    examples = (
        Example(
            bad="""\
import torch
from torch.nn.utils.rnn import pack_padded_sequence

scores = torch.randn(2, 3, 4)
packed_scores, _ = pack_padded_sequence(scores, [3, 2], batch_first=True)  # expect: DET513
""",
            good="""\
import torch
from torch.nn.utils.rnn import pack_padded_sequence

scores = torch.randn(2, 3, 4)
packed_scores = pack_padded_sequence(scores, [3, 2], batch_first=True).data
""",
            fixed="""\
import torch
from torch.nn.utils.rnn import pack_padded_sequence

scores = torch.randn(2, 3, 4)
packed_scores, _ = pack_padded_sequence(scores, [3, 2], batch_first=True)[:2]
""",
            proof=Raises("ValueError", "too many values to unpack"),
        ),
    )

    def on_assign(self, target, value, statement) -> None:
        if not (isinstance(target, (cst.Tuple, cst.List)) and len(target.elements) == 2):
            return
        if any(isinstance(element, cst.StarredElement) for element in target.elements):
            return
        if not (isinstance(value, cst.Call) and self.ctx.qualname(value.func) in PACKING):
            return
        first_two = cst.Subscript(
            value=value,
            slice=[cst.SubscriptElement(cst.Slice(lower=None, upper=cst.Integer("2")))],
        )
        self.report(value, fix=self.fix((value, first_two)), call=self.ctx.text(value.func) + "(...)")
