"""DET105: a function of the file writes in place into a layer's weight it is given."""

from __future__ import annotations

from ._leaf_arguments import leaf_argument_writes
from ._base import Example, Raises, FileRule


class InplaceOnLeafArgument(FileRule):
    code = "DET105"
    name = "inplace-on-leaf-argument"
    message = "{op} on {parameter} writes into {argument}, a leaf that requires grad: RuntimeError"
    needs = (r"\.weight\b", r"Linear|Conv|Embedding|PReLU")
    raises = "RuntimeError"
    what = (
        "Flags the first in-place write (item assignment, an augmented assignment, a method "
        "ending in `_`) that a function of the file makes into one of its parameters, where a call "
        "of the file passes that parameter a layer's `weight`: a torch.nn layer with a weight "
        "(`Linear`, `Conv*`, `Embedding`, ...) built in the calling scope, or by the `__init__` of "
        "the class whose `forward` calls.\n\n"
        "The call must run with grad mode evidently on (module-level code, a module's `__init__` "
        "or `forward`, outside `no_grad()`, without decorators) and nothing there may switch the "
        "layer's `requires_grad`; in the function, the write must come before anything else "
        "touches the parameter, outside `no_grad()`, in a function without decorators."
    )
    why = (
        "A freshly built layer's weight is a leaf that requires grad, and autograd forbids writing "
        "into one (or into a view of it) while it records: \"a leaf Variable that requires grad "
        "is being used in an in-place operation\". The helper that fills an embedding table or "
        "initialises a weight raises at its first write, however it is called. Call it under "
        "`with torch.no_grad():`, or write through `torch.nn.init` (which does)."
    )
    references = ("https://pytorch.org/docs/stable/notes/autograd.html#in-place-operations-with-autograd",)
    examples = (
        Example(
            bad="""\
import torch
from torch import nn


def fill_positions(table):
    table[:, 0] = torch.arange(table.shape[0], dtype=torch.float)  # expect: DET105


class Embeddings(nn.Module):
    def __init__(self, positions, dim):
        super().__init__()
        self.position = nn.Embedding(positions, dim)
        fill_positions(self.position.weight)


embeddings = Embeddings(10, 4)
""",
            good="""\
import torch
from torch import nn


def fill_positions(table):
    table[:, 0] = torch.arange(table.shape[0], dtype=torch.float)


class Embeddings(nn.Module):
    def __init__(self, positions, dim):
        super().__init__()
        self.position = nn.Embedding(positions, dim)
        with torch.no_grad():
            fill_positions(self.position.weight)


embeddings = Embeddings(10, 4)
""",
            proof=Raises("RuntimeError", r"leaf Variable that requires grad is being used in an in-place operation"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        return [
            (write.node, {"op": write.op, "parameter": write.parameter, "argument": write.argument})
            for write in leaf_argument_writes(index.tree, index.imports)
        ]
