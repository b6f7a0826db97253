"""Helpers over Python's own `ast` nodes, for the work done before libcst parses anything
(which pieces to parse, the rules' cheap `possible_in` prechecks)."""

from __future__ import annotations

import ast
import warnings
from typing import Callable, Iterator, Optional, Sequence

from .. import torchapi

FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
BROAD_EXCEPTIONS = frozenset(("Exception", "BaseException"))  # handlers that take any error
LOOPS = (ast.For, ast.AsyncFor, ast.While)


def parse_python(source: str) -> ast.Module:
    """Python's own parse of `source`. Its warnings (an invalid escape, say) are about the
    checked code, which is not this linter's to judge, so they are not printed."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(source)


def parses_as_python(source: str) -> bool:
    try:
        parse_python(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def module_level(body: Sequence[ast.stmt]):
    """Statements that run at module level, into if/try/with blocks but not into definitions."""
    for node in body:
        yield node
        if isinstance(node, (ast.If, ast.Try, ast.With)) or type(node).__name__ == "TryStar":
            for block in ("body", "orelse", "finalbody"):
                yield from module_level(getattr(node, block, []))
            for handler in getattr(node, "handlers", []):
                yield from module_level(handler.body)


def scope_nodes(nodes: list, skip_definitions: bool = False):
    """Every `ast` node in `nodes`, or, with `skip_definitions`, those not inside a nested
    function or class (which the walk analyses as scopes of their own; lambdas it does not)."""
    stack = list(nodes)
    while stack:
        node = stack.pop()
        if not isinstance(node, ast.AST):
            continue  # a dict's None keys, the names of `global`: lists are pushed unfiltered
        yield node
        if skip_definitions and isinstance(node, (*FUNCTIONS, ast.ClassDef)):
            continue
        for name in _child_fields(type(node)):
            value = getattr(node, name, None)
            if type(value) is list:
                stack.extend(value)
            elif isinstance(value, ast.AST):
                stack.append(value)


def statements(body: list, skip_definitions: bool = False, min_lines: int = 0):
    """Every statement in `body` and in the blocks of its compound statements, without the
    expressions (which hold no statements): a walk several times shorter than scope_nodes'.
    With `skip_definitions`, not into nested functions and classes; with `min_lines`, only
    the statements spanning more lines than that (and so only into those)."""
    stack = list(body)
    while stack:
        node = stack.pop()
        if min_lines and node.end_lineno - node.lineno < min_lines:
            continue
        yield node
        if skip_definitions and isinstance(node, (*FUNCTIONS, ast.ClassDef)):
            continue
        for block in ("body", "orelse", "finalbody"):
            value = getattr(node, block, None)
            if type(value) is list:
                stack.extend(value)
        for clause in (*getattr(node, "handlers", ()), *getattr(node, "cases", ())):  # except, match
            stack.extend(clause.body)


_fields: dict = {}


def _child_fields(node_type: type) -> tuple:
    """The fields of an `ast` node type that hold nodes, without `ctx` (Load/Store markers,
    one for every name: half the nodes ast.iter_child_nodes yields) or plain values."""
    fields = _fields.get(node_type)
    if fields is None:
        plain = {"ctx", "id", "attr", "name", "arg", "module", "level", "kind", "type_comment"}
        fields = _fields[node_type] = tuple(f for f in node_type._fields if f not in plain)
    return fields


def dotted(expr: ast.expr) -> Optional[str]:
    """`a.b.c` for a chain of plain names, else None."""
    parts = []
    while isinstance(expr, ast.Attribute):
        parts.append(expr.attr)
        expr = expr.value
    if not isinstance(expr, ast.Name):
        return None
    parts.append(expr.id)
    return ".".join(reversed(parts))


def last_word(node: ast.AST) -> str:
    """`b` of `a.b` or of `b`; empty for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else ""


def callee_name(call: ast.Call, imports) -> str:
    """The last name of what `call` calls, as torch names it where it is a torch name
    (`zeros` for `z(3)` after `from torch import zeros as z`); `imports` is an ImportTable."""
    name = dotted(call.func)
    qualname = imports.qualname_of_dotted(name)
    if qualname or name:
        return (qualname or name).rpartition(".")[2]
    return call.func.attr if isinstance(call.func, ast.Attribute) else ""


def subclasses(classes: Sequence[ast.ClassDef], is_root: Callable[[ast.expr], bool]) -> set:
    """The names of `classes` deriving from a base `is_root` accepts, directly or through one
    another, in any order of definition."""
    found: set = set()
    changed = True
    while changed:
        changed = False
        for node in classes:
            if node.name not in found and any(dotted(base) in found or is_root(base) for base in node.bases):
                found.add(node.name)
                changed = True
    return found


def self_attribute(expr: ast.expr) -> Optional[str]:
    """`a` for `self.a`, else None."""
    if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id == "self":
        return expr.attr
    return None


def parameter_names(function: ast.AST) -> frozenset:
    """Every parameter of a function or lambda, `*args` and `**kwargs` included."""
    args = function.args
    every = [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]
    return frozenset(arg.arg for arg in every if arg is not None)


def binding_targets(node: ast.stmt) -> list:
    """The targets an assignment or a `for` binds (`a`, `a, b`, `self.a`, `a[i]`)."""
    if isinstance(node, ast.Assign):
        return node.targets
    if isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor)):
        return [node.target]
    return []


def attribute_bindings(node: ast.ClassDef) -> dict:
    """attribute -> [(statement, the value bound to it or None, method name)] for each binding
    of `self.<attribute>` in the methods of the class `node` (None: a value unpacked into several
    targets, or an augmented or loop binding)."""
    bindings: dict = {}
    for method in (child for child in node.body if isinstance(child, FUNCTIONS)):
        for statement in statements(method.body):
            for target in binding_targets(statement):
                for element in target.elts if isinstance(target, (ast.Tuple, ast.List)) else [target]:
                    attribute = self_attribute(element)
                    if attribute is not None:
                        whole = element is target and isinstance(statement, (ast.Assign, ast.AnnAssign))
                        bindings.setdefault(attribute, []).append((statement, statement.value if whole else None, method.name))
    return bindings


def first_line(node: ast.stmt) -> int:
    """Where a statement starts, decorators included."""
    return min([node.lineno] + [decorator.lineno for decorator in getattr(node, "decorator_list", [])])


def function_scopes(tree: ast.Module) -> list:
    """The module, then every function of the file (methods and nested ones too): each a scope
    whose `body` the rules read with `skip_definitions`."""
    return [tree, *(node for node in statements(tree.body) if isinstance(node, FUNCTIONS))]


def bound_names(statements: Sequence[ast.stmt]) -> set:
    """Names that `statements` bind other than by import, not looking into definitions (whose
    own names they bind): assignment, loop, with and except targets, walrus, definitions."""
    bound: set = set()
    for node in scope_nodes(list(statements), skip_definitions=True):
        if isinstance(node, (*FUNCTIONS, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            bound.add(node.id)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    return bound


def short_code(expr: ast.AST, limit: int = 30) -> str:
    """The code of `expr` on one line, cut to `limit` characters, for messages."""
    code = " ".join(ast.unparse(expr).split())
    return code if len(code) <= limit else code[: limit - 3] + "..."


def handling_spans(tree: ast.Module, errors: tuple) -> list:
    """(first, last, holes) lines of the `try` bodies whose handlers take one of the builtin
    exceptions `errors` (code that raises it on purpose, to show it); `holes`: the (first, last)
    lines of the definitions in such a body, whose code runs when called, outside the `try`.
    A handler that re-raises handles nothing; one that takes any exception shows intent only
    around code that runs no loop: around a training loop it is a trap for the whole run,
    which still stops at the first error."""
    spans = []
    for node in scope_nodes(tree.body):
        if isinstance(node, ast.Try) or type(node).__name__ == "TryStar":
            loops = None
            for handler in node.handlers:
                if any(isinstance(inner, ast.Raise) and inner.exc is None for inner in scope_nodes(handler.body, True)):
                    continue
                kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
                names = {(dotted(kind) or "").rpartition(".")[2] if kind is not None else "*" for kind in kinds}
                if not names & set(errors):
                    if not names & {"*", *BROAD_EXCEPTIONS}:
                        continue
                    if loops is None:
                        loops = any(isinstance(inner, LOOPS) for inner in scope_nodes(node.body, skip_definitions=True))
                    if loops:
                        continue
                holes = [(first_line(inner), inner.end_lineno) for inner in scope_nodes(node.body)
                         if isinstance(inner, (*FUNCTIONS, ast.ClassDef))]
                spans.append((node.body[0].lineno, node.body[-1].end_lineno, holes))
                break
    return spans


def handled(line: int, spans: list) -> bool:
    """Whether code at `line` runs inside one of the `try` bodies of `spans` (handling_spans)."""
    return any(
        first <= line <= last and not any(start <= line <= end for start, end in holes) for first, last, holes in spans
    )


def grad_mode_statements(body: list, imports) -> Iterator[ast.stmt]:
    """The statements of `body` outside `with` blocks that set the grad mode (`no_grad()` and
    the like), not into definitions; `imports` is the file's ImportTable."""
    for node in body:
        if isinstance(node, (*FUNCTIONS, ast.ClassDef)):
            continue
        if isinstance(node, (ast.With, ast.AsyncWith)) and any(
            imports.qualname_of_dotted(dotted(item.context_expr.func if isinstance(item.context_expr, ast.Call)
                                              else item.context_expr)) in torchapi.GRAD_MODE_SETTERS
            for item in node.items
        ):
            continue
        yield node
        for block in ("body", "orelse", "finalbody"):
            yield from grad_mode_statements(getattr(node, block, None) or [], imports)
        for handler in getattr(node, "handlers", ()):
            yield from grad_mode_statements(handler.body, imports)


def call_arguments(function: ast.AST, call: ast.Call) -> list:
    """(parameter, argument) pairs of `call` to the function definition `function`; none
    where a `*args` or `**kwargs` argument hides which is which."""
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        return []
    positional = [arg.arg for arg in (*function.args.posonlyargs, *function.args.args)]
    keywords = {arg.arg for arg in (*function.args.args, *function.args.kwonlyargs)}
    pairs = list(zip(positional, call.args))
    pairs += [(k.arg, k.value) for k in call.keywords if k.arg in keywords]
    return pairs
