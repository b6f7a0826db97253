"""DET516: `type(x) == Variable`, never true since Variable and Tensor merged in 0.4."""

from __future__ import annotations

import ast

from ..syntax.ast_syntax import dotted
from ._base import Breaks, Example, FileRule

VARIABLE = "torch.autograd.Variable"


class VariableTypeComparison(FileRule):
    code = "DET516"
    name = "variable-type-comparison"
    message = "{test} is {value} for every tensor since PyTorch 0.4: use isinstance(x, torch.Tensor)"
    needs = (r"Variable",)
    what = (
        "Flags `type(x) == Variable` and `type(x) is Variable` (and their negations, `!=` and "
        "`is not`), with `Variable` torch's (`torch.autograd.Variable`, however imported)."
    )
    why = (
        "Since PyTorch 0.4 `Variable(t)` returns a plain `torch.Tensor`, and no object's type is "
        "`Variable` any more: the comparison is False for every tensor (True with `!=`). Code "
        "that branches on it takes the other branch: `repackage_hidden(h)` of old language-model "
        "examples recurses into the hidden tensor instead of detaching it and raises "
        "`TypeError: iteration over a 0-d tensor`. Test `isinstance(x, torch.Tensor)`."
    )
    references = ("https://pytorch.org/blog/pytorch-0_4_0-migration-guide/",)
    examples = (
        Example(
            bad="""\
import torch
from torch.autograd import Variable

h = Variable(torch.zeros(2, 3))
is_tensor = type(h) == Variable  # expect: DET516
""",
            good="""\
import torch
from torch.autograd import Variable

h = Variable(torch.zeros(2, 3))
is_tensor = isinstance(h, torch.Tensor)
""",
            proof=Breaks("is_tensor"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        found = []
        for node in ast.walk(index.tree):
            if not (isinstance(node, ast.Compare) and len(node.ops) == 1):
                continue
            op = node.ops[0]
            if not isinstance(op, (ast.Eq, ast.NotEq, ast.Is, ast.IsNot)):
                continue
            sides = (node.left, node.comparators[0])
            if any(_type_call(side) for side in sides) and any(
                index.imports.qualname_of_dotted(dotted(side)) == VARIABLE for side in sides
            ):
                value = "True" if isinstance(op, (ast.NotEq, ast.IsNot)) else "False"
                found.append((node, {"test": index.code_of(node), "value": value}))
        return found


def _type_call(expr: ast.expr) -> bool:
    return (isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id == "type"
            and len(expr.args) == 1 and not expr.keywords)
