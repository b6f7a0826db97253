"""Module state that every forward call feeds back into itself (DET308), found on Python's
`ast` of the whole file, where its three pieces of evidence lie apart:

- the class's `__init__` makes the state a fresh tensor (`self.moving_mean = torch.zeros(n)`,
  or a buffer registered from one), so it starts without a graph;
- its `forward` stores back into it, with grad mode on, a value computed from its old value
  and from forward's input, directly or through a function of the file that returns it in a
  tuple (`Y, self.moving_mean = batch_norm(X, self.moving_mean)`);
- an `nn.Sequential` of the file puts a torch layer with parameters before the class (only
  parameterless torch modules between), so forward's input requires grad.

Then each call's new state holds the graph of the old one: the chain grows by one batch's
graph per training step. Anything not evident (an unknown call, a decorator, a frozen
parameter anywhere in the file) leaves the class out."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Optional

from .. import torchapi
from ..syntax.ast_syntax import (
    FUNCTIONS,
    binding_targets,
    call_arguments,
    dotted,
    grad_mode_statements,
    module_level,
    scope_nodes,
    self_attribute,
    statements,
)
from ..analysis.imports import ImportTable

STATE, INPUT = "state", "input"  # what a value is computed from
NOTHING: frozenset = frozenset()
GRAPH_METHODS = torchapi.TENSOR_METHODS - torchapi.NON_DIFFERENTIABLE
# torch.nn layers that have parameters: their output requires grad (unless frozen).
LAYERS_WITH_PARAMETERS = frozenset(
    """Linear Bilinear LazyLinear Conv1d Conv2d Conv3d ConvTranspose1d ConvTranspose2d
    ConvTranspose3d LazyConv1d LazyConv2d LazyConv3d Embedding EmbeddingBag RNN LSTM GRU RNNCell
    LSTMCell GRUCell MultiheadAttention PReLU""".split()
)


@dataclass(frozen=True)
class Recurrence:
    """`node` (an assignment) computes the new value of `self.<attribute>` of the class
    `owner` from its old value and the layer's input; the class's forward stores it back."""

    node: ast.stmt
    owner: str
    attribute: str


def recurrences(tree: ast.Module, imports: ImportTable, module_classes: frozenset) -> list:
    classes = {
        node.name: node for node in module_level(tree.body) if isinstance(node, ast.ClassDef) and node.name in module_classes
    }
    if not classes:
        return []
    functions = {node.name: node for node in module_level(tree.body) if isinstance(node, FUNCTIONS)}
    found: list = []
    for name, cls in classes.items():
        methods = {m.name: m for m in cls.body if isinstance(m, FUNCTIONS)}
        init, forward = methods.get("__init__"), methods.get("forward")
        if init is None or forward is None or forward.decorator_list or len(forward.args.args) < 2:
            continue
        states = _fresh_tensors(init, imports)
        if states:
            found += _stored_back(name, forward, states, functions, imports)
    if not found:
        return []
    fed = _fed_classes(tree, imports, classes)  # the one walk of the whole file, where needed
    return [recurrence for recurrence in found if recurrence.owner in fed]


def _fed_classes(tree: ast.Module, imports: ImportTable, classes: dict) -> set:
    """The classes some `nn.Sequential` puts after a torch layer with parameters; none where
    the file freezes a parameter (`requires_grad_(...)`, `.requires_grad = ...`)."""
    fed: set = set()
    for node in scope_nodes(tree.body):
        if isinstance(node, ast.Attribute) and node.attr in ("requires_grad_", "requires_grad") and (
            node.attr == "requires_grad_" or isinstance(node.ctx, ast.Store)
        ):
            return set()
        if not (isinstance(node, ast.Call) and imports.qualname_of_dotted(dotted(node.func)) == "torch.nn.Sequential"):
            continue
        layers = node.args
        for position, layer in enumerate(layers):
            if _called_class(layer) in classes and _after_a_trainable_layer(layers[:position], imports):
                fed.add(_called_class(layer))
    return fed


def _called_class(expr: ast.expr) -> Optional[str]:
    return expr.func.id if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) else None


def _after_a_trainable_layer(before: list, imports: ImportTable) -> bool:
    for layer in reversed(before):
        name = imports.qualname_of_dotted(dotted(layer.func)) if isinstance(layer, ast.Call) else None
        namespace, _, last = (name or "").rpartition(".")
        if namespace != "torch.nn":
            return False  # an unknown module may cut the graph
        if last in LAYERS_WITH_PARAMETERS:
            return True
    return False


def _fresh_tensors(init: ast.AST, imports: ImportTable) -> set:
    """The attributes `__init__` binds only to torch factory results that do not require grad
    (`self.a = torch.zeros(n)`, `self.register_buffer("a", torch.zeros(n))`)."""
    bound: dict = {}
    for node in statements(init.body, skip_definitions=True):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                attribute = self_attribute(target)
                if attribute:
                    bound.setdefault(attribute, []).append(node.value)
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            call = node.value
            if dotted(call.func) == "self.register_buffer" and len(call.args) >= 2:
                name = call.args[0]
                if isinstance(name, ast.Constant) and isinstance(name.value, str):
                    bound.setdefault(name.value, []).append(call.args[1])
    return {attribute for attribute, values in bound.items() if all(_fresh(v, imports) for v in values)}


def _fresh(expr: ast.expr, imports: ImportTable) -> bool:
    if not isinstance(expr, ast.Call):
        return False
    namespace, _, last = (imports.qualname_of_dotted(dotted(expr.func)) or "").rpartition(".")
    flag = next((k.value for k in expr.keywords if k.arg == "requires_grad"), None)
    no_grad = flag is None or isinstance(flag, ast.Constant) and flag.value is False
    return namespace == "torch" and last in torchapi.FACTORIES and no_grad


def _stored_back(cls: str, forward: ast.AST, states: set, functions: dict, imports: ImportTable) -> list:
    """The recurrences of the `states` attributes that `forward` stores: its own assignments
    `self.<state> = <the old state and the input>`, or the assignments in a function of the file
    that computes the value `forward` unpacks into `self.<state>`."""
    inputs = {arg.arg: frozenset((INPUT,)) for arg in forward.args.args[1:]}
    sources = _sources(forward, inputs, imports, module_calls=True)
    found = []
    for node in grad_mode_statements(forward.body, imports):
        if not isinstance(node, ast.Assign) or len(node.targets) != 1:
            continue
        target, value = node.targets[0], node.value
        attribute = self_attribute(target)
        if attribute in states:
            reads_old = any(self_attribute(n) == attribute for n in ast.walk(value))
            if reads_old and INPUT in _computed_from(value, sources, imports, module_calls=True):
                found.append(Recurrence(node, cls, attribute))
        elif isinstance(target, ast.Tuple) and isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            helper = functions.get(value.func.id)
            for position, element in enumerate(target.elts):
                attribute = self_attribute(element)
                if helper is not None and attribute in states:
                    for site in _helper_sites(helper, value, position, attribute, sources, imports):
                        found.append(Recurrence(site, cls, attribute))
    return found


def _helper_sites(helper: ast.AST, call: ast.Call, position: int, attribute: str, caller: dict, imports) -> list:
    """The assignments in `helper` that compute the `position`-th value it returns, called as
    `call`, from both the argument `self.<attribute>` and an argument computed from the input."""
    if helper.decorator_list:
        return []
    seeds: dict = {}
    for parameter, argument in call_arguments(helper, call):
        if self_attribute(argument) == attribute:
            seeds[parameter] = frozenset((STATE,))
        elif INPUT in _computed_from(argument, caller, imports, module_calls=True):
            seeds[parameter] = frozenset((INPUT,))
    if STATE not in set().union(*seeds.values()) or INPUT not in set().union(*seeds.values()):
        return []
    returned = set()
    for node in statements(helper.body, skip_definitions=True):
        if isinstance(node, ast.Return):
            value = node.value
            if not (isinstance(value, ast.Tuple) and len(value.elts) > position and isinstance(value.elts[position], ast.Name)):
                return []
            returned.add(value.elts[position].id)
    sources = _sources(helper, seeds, imports)
    sites = []
    grad_mode = set(map(id, grad_mode_statements(helper.body, imports)))
    for node in statements(helper.body, skip_definitions=True):
        names = _assigned_names(node)
        if not names & returned:
            continue
        if id(node) not in grad_mode or not isinstance(node, ast.Assign):
            return []  # bound under no_grad, or in a way not followed here
        if {STATE, INPUT} <= _computed_from(node.value, sources, imports):
            sites.append(node)
    return sites


def _assigned_names(node: ast.stmt) -> set:
    targets = binding_targets(node)
    if isinstance(node, (ast.With, ast.AsyncWith)):
        targets = [item.optional_vars for item in node.items if item.optional_vars is not None]
    return {n.id for target in targets for n in ast.walk(target) if isinstance(n, ast.Name)}


def _sources(function: ast.AST, seeds: dict, imports: ImportTable, module_calls: bool = False) -> dict:
    """Local name -> what its values may be computed from ({STATE, INPUT}), over every
    assignment of the function (flow-insensitive, to a fixpoint)."""
    sources = dict(seeds)
    assignments = [
        node for node in statements(function.body, skip_definitions=True) if isinstance(node, (ast.Assign, ast.AugAssign))
    ]
    changed = True
    while changed:
        changed = False
        for node in assignments:
            computed = _computed_from(node.value, sources, imports, module_calls)
            for name in _assigned_names(node):
                if not computed <= sources.get(name, NOTHING):
                    sources[name] = sources.get(name, NOTHING) | computed
                    changed = True
    return sources


def _computed_from(expr: ast.expr, sources: dict, imports: ImportTable, module_calls: bool = False) -> frozenset:
    """What `expr`'s value may carry a graph from: the sources of the names it computes with
    through operators, torch ops and tensor methods (and, with `module_calls`, the calls of
    `self.<module>(...)`); nothing through `.detach()`, `.data`, shapes, or any other call."""
    if isinstance(expr, ast.Name):
        return sources.get(expr.id, NOTHING)
    if isinstance(expr, ast.Attribute):
        if expr.attr == "data" or expr.attr in torchapi.NON_TENSOR_ATTRIBUTES:
            return NOTHING
        return _computed_from(expr.value, sources, imports, module_calls)
    if isinstance(expr, ast.Call):
        func = expr.func
        name = imports.qualname_of_dotted(dotted(func)) or ""
        namespace, _, last = name.rpartition(".")
        torch_op = f"{namespace}." in torchapi.OP_NAMESPACES and last not in torchapi.FACTORIES
        method = isinstance(func, ast.Attribute) and func.attr in GRAPH_METHODS and not name
        module = module_calls and isinstance(func, ast.Attribute) and self_attribute(func) is not None
        if not (torch_op or method or module):
            return NOTHING
        parts = [*expr.args, *(k.value for k in expr.keywords)] + ([func.value] if method else [])
        return frozenset().union(*(_computed_from(p, sources, imports, module_calls) for p in parts))
    if isinstance(expr, (ast.BinOp, ast.UnaryOp, ast.IfExp, ast.Subscript, ast.Starred, ast.Tuple, ast.List)):
        parts = [expr.slice] if isinstance(expr, ast.Subscript) else []
        children = [c for c in ast.iter_child_nodes(expr) if isinstance(c, ast.expr) and c not in parts]
        if isinstance(expr, ast.IfExp):
            children.remove(expr.test)
        return frozenset().union(*(_computed_from(c, sources, imports, module_calls) for c in children))
    return NOTHING
