"""Functions of the file that write in place into a parameter that requires grad, passed to
them by a call of the file (DET105), found on Python's `ast` of the whole file: the write is
in the function, the evidence that its argument is a leaf that requires grad is at the call
(`init_table(self.position.weight)` in the `__init__` that built `self.position =
nn.Embedding(...)`).

The call must run with grad mode evidently on: at module level or in a module's `__init__`
or `forward`, outside `no_grad()` and the like, in a function without decorators. The
function must write into its parameter before anything rebinds it or changes its
`requires_grad`, outside `no_grad()`, and have no decorators either."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Iterator, Optional

from .. import torchapi
from ..syntax.ast_syntax import FUNCTIONS, binding_targets, call_arguments, dotted, grad_mode_statements, module_level, statements
from ..analysis.imports import ImportTable
from ._module_state import LAYERS_WITH_PARAMETERS

# torch.nn layers whose `weight` always exists and requires grad when built.
WEIGHTED_LAYERS = LAYERS_WITH_PARAMETERS - frozenset("RNN LSTM GRU RNNCell LSTMCell GRUCell MultiheadAttention".split())
GRAD_EVIDENT = ("__init__", "forward")  # the methods whose grad mode the walk takes as on


@dataclass(frozen=True)
class LeafWrite:
    node: ast.AST  # the write, in the function
    parameter: str
    argument: str  # the argument's code at the call
    op: str  # "item assignment", "+=", "normal_()"


def leaf_argument_writes(tree: ast.Module, imports: ImportTable) -> list:
    functions = {node.name: node for node in module_level(tree.body) if isinstance(node, FUNCTIONS)}
    if not functions:
        return []
    found: dict = {}
    for caller, layers in _grad_evident_scopes(tree, imports):
        if not layers:
            continue
        switched = None
        for call in _calls_in(caller, imports):
            function = functions.get(call.func.id)
            if function is None or function.decorator_list:
                continue
            for parameter, argument in call_arguments(function, call):
                if not _leaf_weight(argument, layers):
                    continue
                switched = _requires_grad_switched(caller) if switched is None else switched
                if dotted(argument.value) in switched:
                    continue  # frozen, or unfrozen: not followed
                write = _first_write(function, parameter, imports)
                if write is not None:
                    node, op = write
                    found.setdefault(id(node), LeafWrite(node, parameter, ast.unparse(argument), op))
    return list(found.values())


def _grad_evident_scopes(tree: ast.Module, imports: ImportTable) -> Iterator[tuple]:
    """(scope, the layers built in it: dotted name -> torch.nn class) for the module-level code
    and each `__init__` or `forward` of a class, without decorators."""
    yield tree, _layers_built(tree.body, imports)
    for cls in module_level(tree.body):
        if not isinstance(cls, ast.ClassDef):
            continue
        methods = [m for m in cls.body if isinstance(m, FUNCTIONS) and not m.decorator_list]
        init_layers = next((_layers_built(m.body, imports) for m in methods if m.name == "__init__"), {})
        for method in methods:
            if method.name in GRAD_EVIDENT:
                own = _layers_built(method.body, imports)
                held = {name: layer for name, layer in init_layers.items() if name.startswith("self.")}
                yield method, {**held, **own} if method.name == "forward" else own


def _layers_built(body: list, imports: ImportTable) -> dict:
    """Dotted name -> torch.nn layer class, for the names and `self` attributes `body` binds
    only to a new torch.nn layer that has a weight (`self.emb = nn.Embedding(n, d)`)."""
    bound: dict = {}
    for node in statements(body, skip_definitions=True):
        for target in binding_targets(node):
            name = dotted(target)
            if name:
                bound.setdefault(name, []).append(_layer(node.value if isinstance(node, ast.Assign) else None, imports))
    return {name: layers[0] for name, layers in bound.items() if len(layers) == 1 and layers[0]}


def _layer(expr: Optional[ast.expr], imports: ImportTable) -> Optional[str]:
    if not isinstance(expr, ast.Call):
        return None
    namespace, _, last = (imports.qualname_of_dotted(dotted(expr.func)) or "").rpartition(".")
    frozen = any(k.arg in ("_freeze", "_weight") or k.arg is None for k in expr.keywords)
    return last if namespace == "torch.nn" and last in WEIGHTED_LAYERS and not frozen else None


def _requires_grad_switched(scope: ast.AST) -> set:
    """The dotted names whose `requires_grad` the scope sets (`m.weight.requires_grad = False`,
    `m.requires_grad_(False)`): `m`, and `m.weight`'s owner too."""
    switched = set()
    for node in ast.walk(scope):
        if isinstance(node, ast.Attribute) and node.attr in ("requires_grad", "requires_grad_"):
            name = dotted(node.value) or ""
            switched |= {name, name.rpartition(".")[0]}
    return switched


def _calls_in(scope: ast.AST, imports: ImportTable) -> Iterator[ast.Call]:
    """The calls of a plain function name in the statements of `scope` that run with grad on."""
    body = scope.body
    for node in grad_mode_statements(body, imports):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name):
            yield node.value
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name):
            yield node.value


def _leaf_weight(argument: ast.expr, layers: dict) -> bool:
    """`<layer>.weight` for a layer built in the scope (or by the class's `__init__`)."""
    return isinstance(argument, ast.Attribute) and argument.attr == "weight" and dotted(argument.value) in layers


def _first_write(function: ast.AST, parameter: str, imports: ImportTable) -> Optional[tuple]:
    """The first statement of `function` (in source order) that writes into `parameter` in
    place, with grad mode on, where no statement before it touches the name otherwise."""
    grad_on = set(map(id, grad_mode_statements(function.body, imports)))
    ordered = sorted(statements(function.body, skip_definitions=True), key=lambda n: (n.lineno, n.col_offset))
    for node in ordered:
        if isinstance(node, (ast.If, ast.While, ast.For, ast.AsyncFor, ast.With, ast.AsyncWith, ast.Try)) or type(
            node
        ).__name__ in ("TryStar", "Match"):
            if _mentions(_header(node), parameter):
                return None  # a branch or loop on it: not followed
            continue
        op = _inplace_op(node, parameter)
        if op is not None:
            return (node, op) if id(node) in grad_on else None
        if _mentions(node, parameter):
            return None  # read, rebound or switched first: not followed
    return None


def _header(node: ast.stmt) -> list:
    return [getattr(node, field) for field in ("test", "iter", "target", "subject") if getattr(node, field, None)] + [
        item.context_expr for item in getattr(node, "items", ())
    ]


def _inplace_op(node: ast.stmt, parameter: str) -> Optional[str]:
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) and target.value.id == parameter:
            return "item assignment"
    if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == parameter:
        return f"{_OPERATORS.get(type(node.op), '?')}="
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        func = node.value.func
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == parameter
            and torchapi.is_inplace_method(func.attr)
        ):
            return f"{func.attr}()"
    return None


_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**", ast.MatMult: "@"}


def _mentions(node, parameter: str) -> bool:
    nodes = node if isinstance(node, list) else [node]
    return any(isinstance(n, ast.Name) and n.id == parameter for part in nodes for n in ast.walk(part))
