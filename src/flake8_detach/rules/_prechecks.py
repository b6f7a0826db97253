"""Prechecks several rules share (WalkRule.possible_in): what a scope's `ast` must hold for
the walk to fire the events they report from."""

from __future__ import annotations

import ast

from ..analysis.imports import ImportTable
from ..syntax.ast_syntax import dotted, last_word

# The torch functions the walk reads as a backward() of their first argument
# (engine.expression_events.scan_call).
AUTOGRAD_CALLS = frozenset(("torch.autograd.backward", "torch.autograd.grad"))


def scope_imports(scope, index) -> ImportTable:
    """The file's imports and those of the scope's own code: every name the walk can know a
    torch callee by."""
    imports = index.imports.copy()
    for statement in scope.of(ast.Import, ast.ImportFrom):
        imports.add_ast(statement)
    return imports


def calls_any(scope, index, qualnames: frozenset) -> bool:
    """Some call in the scope is of one of these torch functions, by any name the walk knows."""
    imports = scope_imports(scope, index)
    return any(imports.qualname_of_dotted(dotted(call.func)) in qualnames for call in scope.of(ast.Call))


def calls_backward(scope, index) -> bool:
    """Some call in the scope can reach backward(): a method named backward on anything
    (`loss.backward()`, `accelerator.backward(loss)`, and the `result.backward()` the planner
    appends to a function whose result the file backward()s), or torch.autograd.backward or
    grad. A `def backward(ctx, grad)` of an autograd Function is not one."""
    return any(last_word(call.func) == "backward" for call in scope.of(ast.Call)) or calls_any(
        scope, index, AUTOGRAD_CALLS
    )


def calls_method(scope, name: str) -> bool:
    """Some call in the scope is of a method `name` (`x.detach()`), on anything."""
    return any(isinstance(call.func, ast.Attribute) and call.func.attr == name for call in scope.of(ast.Call))


def writes_attribute(scope, name: str) -> bool:
    """`<anything>.<name>` is assigned (or deleted, or a loop's target) in the scope."""
    return any(node.attr == name and not isinstance(node.ctx, ast.Load) for node in scope.of(ast.Attribute))
