"""DET430: `layer.weights = ...`, a misspelt parameter name written on a torch layer."""

from __future__ import annotations

import ast

from ..engine.facts import MODULE
from ._base import Breaks, Example, WalkRule
from ._prechecks import writes_attribute


class ParameterNameTypo(WalkRule):
    code = "DET430"
    name = "parameter-name-typo"
    message = "{layer}.{written} = ... adds a new attribute: the layer's own .{meant} is unchanged"
    # One edit of `weight` keeps its `we` or its `ht`, one of `bias` its `b` or its `as`.
    needs = (r"\.\s*(?:(?:we|b)\w*|\w*(?:ht|as))\s*[:=](?!=)",)
    what = (
        "Flags an assignment to an attribute of a torch.nn layer known to have a `weight` or "
        "`bias` (built from `torch.nn` in the same function, or in `__init__` and used in a "
        "method), where the attribute written is one of those names misspelt: a plural "
        "(`weights`, `biases`), one letter left out or added, or two neighbours swapped "
        "(`weigth`, `bais`)."
    )
    why = (
        "A module accepts any new attribute. `emb.weights = nn.Parameter(vectors)` registers a "
        "second parameter named `weights` that nothing reads, and `emb.weight` keeps its random "
        "initial values: the pretrained vectors, a frozen copy or a hand-set initialisation are "
        "never used, and nothing fails. Write the attribute the layer has (`emb.weight`), or "
        "copy in place under `torch.no_grad()` (`emb.weight.copy_(vectors)`)."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.nn.Embedding.html",)
    examples = (
        Example(
            bad="""\
import torch

vectors = torch.ones(3, 2)
embedding = torch.nn.Embedding(3, 2)
embedding.weights = torch.nn.Parameter(vectors, requires_grad=False)  # expect: DET430
""",
            good="""\
import torch

vectors = torch.ones(3, 2)
embedding = torch.nn.Embedding(3, 2)
embedding.weight = torch.nn.Parameter(vectors, requires_grad=False)
""",
            proof=Breaks("torch.equal(embedding(torch.tensor([0])), torch.ones(1, 2))"),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """An attribute near `weight` or `bias` is written."""
        return any(
            misspelt(node.attr) for node in scope.of(ast.Attribute) if isinstance(node.ctx, ast.Store)
        )

    def on_attr_assign(self, target, value, statement) -> None:
        meant = misspelt(target.attr.value)
        if meant is None:
            return
        layer = self.ctx.value(target.value)
        if layer.kind == MODULE and meant in layer.param_attrs:
            self.report(target, layer=self.ctx.text(target.value), written=target.attr.value, meant=meant)


PARAMETER_NAMES = ("weight", "bias")


def misspelt(name: str):
    """The parameter name that `name` misspells (a plural, or one edit away), or None."""
    for meant in PARAMETER_NAMES:
        if name != meant and (name in (meant + "s", meant + "es") or _one_edit(name, meant)):
            return meant
    return None


def _one_edit(written: str, meant: str) -> bool:
    """One letter left out or added, or two neighbours swapped (`wieght`). Not a letter
    changed: that makes words of their own (`height`, `bins`)."""
    if len(written) == len(meant):
        differ = [i for i, (a, b) in enumerate(zip(written, meant)) if a != b]
        return len(differ) == 2 and differ[1] == differ[0] + 1 and written[differ[0]] == meant[differ[1]] \
            and written[differ[1]] == meant[differ[0]]
    if abs(len(written) - len(meant)) != 1 or not written.isalpha():
        return False
    shorter, longer = sorted((written, meant), key=len)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))
