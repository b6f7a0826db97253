"""Where leaves that require grad come from, in Python's `ast`: the prechecks of the rules about
them (DET103, DET403)."""

from __future__ import annotations

import ast

from ..syntax.ast_syntax import callee_name, dotted, scope_nodes


def makes_leaf(expr: ast.AST, imports) -> bool:
    """Whether `expr` holds a call that makes a leaf that requires grad, or may."""
    return any(_is_leaf_maker(node, imports) for node in scope_nodes([expr]))


def _is_leaf_maker(node: ast.AST, imports) -> bool:
    return isinstance(node, ast.Call) and (
        any(keyword.arg == "requires_grad" for keyword in node.keywords)
        or callee_name(node, imports) in ("Parameter", "Variable", "requires_grad_")
    )


def builds_module_or_parameter(expr: ast.AST, imports) -> bool:
    """`nn.Conv2d(...)`, `nn.Parameter(...)`: a torch.nn class called."""
    if not isinstance(expr, ast.Call):
        return False
    name = imports.qualname_of_dotted(dotted(expr.func)) or ""
    return name.startswith("torch.nn.") and name.rpartition(".")[2][:1].isupper()


def makes_leaves(scope, imports) -> bool:
    """Whether code of a scope (`nodes`: every ast node of it) may make a leaf that requires
    grad: `Parameter(...)`, `Variable(...)`, `requires_grad=`, `requires_grad_()`, a
    `requires_grad` attribute set, or a torch.nn module built (whose parameters are leaves)."""
    # Every node of the scope is there: no call's subtree needs a walk of its own.
    return any(_is_leaf_maker(node, imports) or builds_module_or_parameter(node, imports) for node in scope.of(ast.Call)) \
        or any(node.attr == "requires_grad" and isinstance(node.ctx, ast.Store) for node in scope.of(ast.Attribute))
