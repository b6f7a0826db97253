"""Module classes whose forward() reduces its output to one element (a WGAN critic's
`return torch.mean(x)`): a call of one gives a 0-dim tensor, whatever it is given. Read from
the class's `ast`, so that the planner's gates and the rules' prechecks know exactly what the
evaluator knows (FileIndex.reducing_module_classes and reducing_module_names)."""

from __future__ import annotations

import ast
from typing import Iterable, Optional

from ..syntax.ast_syntax import FUNCTIONS, last_word, scope_nodes
from ..torchapi import FULL_REDUCTIONS


def forward_reduces(cls: ast.ClassDef, imports) -> bool:
    """Whether the class defines one plain `forward()` whose every `return` gives a full
    reduction: `torch.mean(x)`, `x.sum()`, or a name the statement before binds to one."""
    forwards = [node for node in cls.body if isinstance(node, FUNCTIONS) and node.name == "forward"]
    if len(forwards) != 1 or not isinstance(forwards[0], ast.FunctionDef) or forwards[0].decorator_list:
        return False
    body = forwards[0].body
    if not isinstance(body[-1], ast.Return):
        return False  # it may also fall off its end and give None
    if not all(_reduced(value, before, imports) for value, before in _returns_after(body)):
        return False
    return not any(isinstance(node, (ast.Yield, ast.YieldFrom)) for node in scope_nodes(body, skip_definitions=True))


def _returns_after(body: list) -> Iterable[tuple]:
    """(returned expression or None, the statement before it in its block or None) for each
    `return` of a function body, nested definitions left out."""
    previous = None
    for statement in body:
        if isinstance(statement, ast.Return):
            yield statement.value, previous
        elif not isinstance(statement, (*FUNCTIONS, ast.ClassDef)):
            for block in ("body", "orelse", "finalbody"):
                yield from _returns_after(getattr(statement, block, None) or [])
            for clause in (*getattr(statement, "handlers", ()), *getattr(statement, "cases", ())):
                yield from _returns_after(clause.body)
        previous = statement


def _reduced(value: Optional[ast.expr], before: Optional[ast.stmt], imports) -> bool:
    if isinstance(value, ast.Name) and isinstance(before, ast.Assign) and len(before.targets) == 1:
        target = before.targets[0]
        return isinstance(target, ast.Name) and target.id == value.id and _is_full_reduction(before.value, imports)
    return _is_full_reduction(value, imports)


def _is_full_reduction(expr: Optional[ast.expr], imports) -> bool:
    """`torch.mean(x)` (one argument, nothing else) or `x.mean()` (no argument)."""
    if not (isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr in FULL_REDUCTIONS):
        return False
    if isinstance(expr.func.value, ast.Name) and imports.qualname_of_dotted(expr.func.value.id) == "torch":
        return len(expr.args) == 1 and not isinstance(expr.args[0], ast.Starred) and not expr.keywords
    return not expr.args and not expr.keywords


def names_bound_to(classes: set, tree: ast.Module) -> frozenset:
    """`classes` and every name or attribute the file binds to an expression that mentions one
    of them (`gan_disc = MLP_D(...)`, `self.D = Critic()`, `target = copy.deepcopy(D)`, `for
    net in (D, D2)`), until none is added: the words a call of such a module is written with."""
    bindings = [(value, target) for node in ast.walk(tree) for value, target in _bindings(node)]
    names = set(classes)
    changed = bool(names)
    while changed:
        changed = False
        for value, target in bindings:
            if not _mentions(value, names):
                continue
            for word in map(last_word, ast.walk(target)):
                if word and word not in names:
                    names.add(word)
                    changed = True
    return frozenset(names)


def _bindings(node: ast.AST) -> list:
    """(value, target) of what `node` binds."""
    if isinstance(node, ast.Assign):
        return [(node.value, target) for target in node.targets]
    if isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.NamedExpr)) and node.value is not None:
        return [(node.value, node.target)]
    if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
        return [(node.iter, node.target)]
    if isinstance(node, ast.withitem) and node.optional_vars is not None:
        return [(node.context_expr, node.optional_vars)]
    return []


def _mentions(expr: ast.expr, names: set) -> bool:
    return any(last_word(node) in names for node in ast.walk(expr))
