"""DET417: `[Layer()] * n` is one layer n times, not n layers."""

from __future__ import annotations

import ast
import re

from ..syntax.ast_syntax import short_code
from ._base import Breaks, Example, FileRule
from ._layers import built_kind


REPEATED = re.compile(r"\]\s*\*|\*\s*\[")  # `[...] * n`, `n * [...]`


class RepeatedModule(FileRule):
    code = "DET417"
    name = "repeated-module"
    message = "{code} repeats one {what} object: every element is the same, its weights shared"
    needs = (REPEATED.pattern, r"Module|nn\.|Parameter")
    what = (
        "Flags a list display holding a layer built there, multiplied by a count "
        "(`[nn.Linear(64, 64)] * depth`, `n_agents * [ActorNetwork(...)]`), where a layer is a "
        "torch.nn class with parameters or train/eval behaviour, an `nn.Parameter`, or a "
        "module class of the file or the project (DET416 names the stateless ones)."
    )
    why = (
        "Multiplying a list repeats references to the object it holds: the layer is built once "
        "and every element is that one layer. A stack of `depth` blocks is one block applied "
        "`depth` times (in an `nn.ModuleList` too, whose `parameters()` lists its weights once); "
        "agents given their own network and optimizer this way all train the same network, "
        "each optimizer stepping it with its own statistics. Nothing raises. A comprehension "
        "builds separate layers: `[nn.Linear(64, 64) for _ in range(depth)]`; sharing one layer "
        "on purpose reads better as a name used `depth` times."
    )
    references = ("https://docs.python.org/3/library/stdtypes.html#common-sequence-operations",)
    examples = (
        Example(
            bad="""\
import torch
from torch import nn

torch.manual_seed(0)
actors = [nn.Linear(3, 2)] * 2  # expect: DET417
optimizers = [torch.optim.SGD(actor.parameters(), lr=0.1) for actor in actors]
second_before = actors[1].weight.detach().clone()
actors[0](torch.randn(4, 3)).sum().backward()
optimizers[0].step()
second_untouched = torch.equal(second_before, actors[1].weight)
""",
            good="""\
import torch
from torch import nn

torch.manual_seed(0)
actors = [nn.Linear(3, 2) for _ in range(2)]
optimizers = [torch.optim.SGD(actor.parameters(), lr=0.1) for actor in actors]
second_before = actors[1].weight.detach().clone()
actors[0](torch.randn(4, 3)).sum().backward()
optimizers[0].step()
second_untouched = torch.equal(second_before, actors[1].weight)
""",
            proof=Breaks("second_untouched"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        found = []
        for node in index.nodes_on_lines(REPEATED):
            if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult)):
                continue
            repeated = node.left if isinstance(node.left, ast.List) else node.right if isinstance(node.right, ast.List) else None
            kinds = {built_kind(element, index) for element in repeated.elts} - {""} if repeated is not None else set()
            if kinds:
                what = "parameter" if kinds == {"parameters"} else "layer"
                found.append((node, {"code": short_code(node, 40), "what": what}))
        return found
