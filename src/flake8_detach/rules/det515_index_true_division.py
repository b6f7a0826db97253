"""DET515: `/` on the integer indices topk() and friends give, paired with `%`: a float since 1.6."""

from __future__ import annotations

import ast
import re
from typing import Optional

from ..syntax.ast_syntax import FUNCTIONS, dotted, function_scopes, scope_nodes, short_code
from ._base import Example, FileRule, Raises

# Calls whose result is a tensor of indices, and the position of the indices where the call
# gives a (values, indices) pair.
INDEX_CALLS = {"argmax": None, "argmin": None, "argsort": None, "nonzero": None, "multinomial": None,
               "topk": 1, "sort": 1, "max": 1, "min": 1, "kthvalue": 1, "mode": 1}


DIVISION = re.compile(r"/(?![/=])")  # and `//`'s second `/`, and `/` in strings: a superset, found fast
INDEX_WORDS = re.compile(rf"\b(?:{'|'.join(INDEX_CALLS)})\b")  # for lines: `mode` is not `model`


class IndexTrueDivision(FileRule):
    code = "DET515"
    name = "index-true-division"
    message = "{division} divides integer indices with /: a float tensor since PyTorch 1.6 (use //)"
    needs = (DIVISION.pattern, "|".join(INDEX_CALLS))  # without `\b`: a superset, found faster
    raises = "TypeError"
    what = (
        "Flags `a / b` where `a` holds the indices a torch call gave (`_, flat = scores.topk(k)`, "
        "`argmax`, `sort`, `max(dim)`... bound to a name only such calls bind in the function) and "
        "the same function takes `a % b` too, or `a - q * b` for the name `q` bound to the quotient: "
        "the beam-search decomposition of a flat index into a row and a column."
    )
    why = (
        "Up to PyTorch 1.4 `/` of integer tensors floored, so `flat / vocab` and `flat % vocab` "
        "split a flat index into a beam and a word. Since 1.6 `/` is true division and gives a "
        "float tensor: used as an index it raises (`only integer tensors of a single element can "
        "be converted to an index`, `tensors used as indices must be long`), and the backpointers "
        "of a beam search come out fractional. Use `//` (or `torch.div(a, b, rounding_mode='floor')`)."
    )
    references = ("https://github.com/pytorch/pytorch/releases/tag/v1.6.0",)
    examples = (
        Example(
            bad="""\
import torch

scores = torch.tensor([0.1, 0.9, 0.3, 0.7, 0.2, 0.8])
_, flat = scores.topk(2)
beam = flat / 3  # expect: DET515
word = flat % 3
hypotheses = [[1], [2]]
best = hypotheses[beam[0]] + [int(word[0])]
""",
            good="""\
import torch

scores = torch.tensor([0.1, 0.9, 0.3, 0.7, 0.2, 0.8])
_, flat = scores.topk(2)
beam = flat // 3
word = flat % 3
hypotheses = [[1], [2]]
best = hypotheses[beam[0]] + [int(word[0])]
""",
            proof=Raises("TypeError", "only integer tensors of a single element can be converted to an index"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        found = []
        for scope in function_scopes(index.tree):
            code = [node for node in scope.body if not isinstance(node, (*FUNCTIONS, ast.ClassDef))] \
                if isinstance(scope, ast.Module) else [scope]
            if not (any(index.written_in(DIVISION, node) for node in code)
                    and any(index.written_in(INDEX_WORDS, node) for node in code)):
                continue  # no `/`, or no call that gives indices, written in this scope's code
            nodes = list(scope_nodes(scope.body, skip_definitions=True))
            indices = _index_names(nodes)
            if not indices:
                continue
            remainders = {(dotted(n.left), ast.dump(n.right)) for n in nodes
                          if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Mod)}
            quotients = {}  # id(a division) -> the name it is bound to
            for node in nodes:
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                    division = _index_division(node.value, indices)
                    if division is not None:
                        quotients[id(division)] = node.targets[0].id
            for node in nodes:
                division = _index_division(node, indices)
                if division is None:
                    continue
                pair = (dotted(division.left), ast.dump(division.right))
                quotient = quotients.get(id(division))
                rebuilt = quotient is not None and any(_rebuilds(other, quotient, division) for other in nodes)
                if pair in remainders or rebuilt:
                    found.append((division, {"division": short_code(division)}))
        return sorted(found, key=lambda item: (item[0].lineno, item[0].col_offset))


def _index_names(nodes: list) -> set:
    """The names every binding of which in the scope is the indices of a torch call."""
    bound: dict = {}
    for node in nodes:
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            value = node.value if not isinstance(node, ast.AugAssign) else None
            for target in targets:
                if isinstance(target, ast.Name):
                    bound.setdefault(target.id, []).append(value is not None and _gives_indices(value))
                elif isinstance(target, (ast.Tuple, ast.List)):
                    position = _index_position(value) if value is not None else None
                    for at, element in enumerate(target.elts):
                        if isinstance(element, ast.Name):
                            bound.setdefault(element.id, []).append(at == position)
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.NamedExpr, ast.withitem)):
            target = node.optional_vars if isinstance(node, ast.withitem) else node.target
            for name in (n.id for n in ast.walk(target) if isinstance(n, ast.Name)) if target is not None else ():
                bound.setdefault(name, []).append(False)
        elif isinstance(node, (*FUNCTIONS, ast.ClassDef)):
            bound.setdefault(node.name, []).append(False)
    return {name for name, each in bound.items() if all(each)}


def _call_name(expr: ast.AST) -> Optional[str]:
    if isinstance(expr, ast.Call) and isinstance(expr.func, (ast.Attribute, ast.Name)):
        return expr.func.attr if isinstance(expr.func, ast.Attribute) else expr.func.id
    return None


def _index_position(expr: ast.AST) -> Optional[int]:
    """Where the indices are in the pair a call gives (`topk` -> 1), for `max`/`min` only with
    a dimension given (without one they give a single value)."""
    name = _call_name(expr)
    position = INDEX_CALLS.get(name) if name else None
    if name in ("max", "min"):  # `torch.max(x, 1)` or `x.max(1)`: a dimension given
        function_form = not isinstance(expr.func, ast.Attribute) or dotted(expr.func.value) == "torch"
        if len(expr.args) + len(expr.keywords) < (2 if function_form else 1):
            return None
    return position


def _gives_indices(expr: ast.AST) -> bool:
    """`x.argmax(1)`, `x.topk(k)[1]`, `x.topk(k).indices`."""
    name = _call_name(expr)
    if name in INDEX_CALLS and INDEX_CALLS[name] is None:
        return True
    if isinstance(expr, ast.Subscript) and isinstance(expr.slice, ast.Constant):
        return expr.slice.value == _index_position(expr.value) and expr.slice.value is not None
    return isinstance(expr, ast.Attribute) and expr.attr == "indices" and _index_position(expr.value) is not None


def _index_division(expr: ast.AST, indices: set) -> Optional[ast.BinOp]:
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Div) and isinstance(expr.left, ast.Name) \
            and expr.left.id in indices:
        return expr
    return None


def _rebuilds(node: ast.AST, quotient: str, division: ast.BinOp) -> bool:
    """`a - q * b` (or `b * q`): the remainder rebuilt from the quotient `q` of `a / b`."""
    if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub) and dotted(node.left) == dotted(division.left)):
        return False
    product = node.right
    if not (isinstance(product, ast.BinOp) and isinstance(product.op, ast.Mult)):
        return False
    sides = (product.left, product.right)
    divisor = ast.dump(division.right)
    return any(isinstance(side, ast.Name) and side.id == quotient for side in sides) and any(
        ast.dump(side) == divisor for side in sides)
