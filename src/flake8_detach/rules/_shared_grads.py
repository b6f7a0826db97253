"""Gradients shared by aliasing, A3C style, and the `zero_grad()` that stopped clearing them
(DET415), found on Python's `ast` of the whole file.

A worker backprops into its local model and hands each local `.grad` tensor to the shared
model's parameter (`shared_param._grad = param.grad`, in a loop over
`zip(local.parameters(), shared.parameters())`, often in a helper `ensure_shared_grads`). Its
only clearing is a `zero_grad()` on the shared side: an optimizer over the shared model's
parameters, or the shared model itself. Before torch 2.0 that zeroed, in place, the very
tensors the local grads are; since 2.0 it sets the shared `.grad` to None and the local grads
keep growing. The update is flagged unless the local side is cleared some other way."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Iterator, Optional

from ..analysis.file_index import FileIndex
from ..analysis.imports import ImportTable
from ..analysis.summaries import optimized_modules, parameter_owners
from ..syntax.ast_syntax import FUNCTIONS, LOOPS, dotted, scope_nodes

GRAD_ATTRIBUTES = ("grad", "_grad")
PASSED = "passed"  # an optimizer handed in by the caller: in A3C, the shared one


@dataclass(frozen=True)
class Alias:
    """`statement` makes the parameters of `shared` hold the grads of those of `local`."""

    statement: ast.stmt
    shared: str  # the code of the module expressions, as the scope that aliases names them
    local: str


@dataclass(frozen=True)
class DroppedAlias:
    call: ast.Call  # the `zero_grad()` on the shared side
    receiver: str
    alias: Alias


@dataclass
class Scope:
    """A function of the file (`node`) or the module-level code (`node` None)."""

    node: Optional[ast.AST]
    nodes: list  # its own nodes, not those of nested definitions
    cls: Optional[ast.ClassDef]  # the class it is a method of


def dropped_aliases(index: FileIndex) -> list:
    scopes = list(_scopes(index.tree))
    functions = {scope.node.name: scope for scope in scopes if scope.node is not None and scope.cls is None}
    methods = {(id(scope.cls), scope.node.name): scope for scope in scopes if scope.cls is not None}
    aliases = {id(scope): _aliases(scope.nodes) for scope in scopes}
    file = _File(index.imports, _optimizer_classes(index), tuple(scopes))
    found = []
    for scope in scopes:
        # the aliases the scope makes, itself or through a helper of the file it calls: (the
        # alias as the scope names its modules, as the maker names them, the maker, the line
        # of the scope where it is made)
        made = [(alias, alias, scope, alias.statement.lineno) for alias in aliases[id(scope)]]
        for call in (node for node in scope.nodes if isinstance(node, ast.Call)):
            helper = _helper(call, scope, functions, methods)
            if helper is not None and helper is not scope:
                made += [
                    (_seen_from(alias, helper.node, call), alias, helper, call.lineno) for alias in aliases[id(helper)]
                ]
        made = [
            (alias, _stepped_after(line, scope.nodes))
            for alias, as_made, where, line in made
            if alias is not None and not _local_cleared(alias, scope, as_made, where, file)
        ]
        for call in _zero_grad_calls(scope.nodes) if made else ():
            receiver = _receiver(call)
            if _keeps_tensors(call):
                continue
            for alias, stepper in made:
                if stepper not in (None, receiver) and receiver != alias.shared:
                    continue  # another optimizer takes these grads
                if receiver == alias.shared or _over_shared_only(receiver, alias, scope, file):
                    found.append(DroppedAlias(call, receiver, alias))
                    break
    return found


def _stepped_after(line: int, nodes: list) -> Optional[str]:
    """The receiver of the first `.step()` after `line`: the optimizer that takes the grads."""
    steps = [
        node for node in nodes
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "step"
        and node.lineno > line
    ]
    return _receiver(min(steps, key=lambda node: (node.lineno, node.col_offset))) if steps else None


@dataclass(frozen=True)
class _File:
    imports: ImportTable
    optimizer_classes: dict  # the file's subclasses of torch optimizers -> whether they keep torch's zero_grad
    scopes: tuple  # the module-level code, then every function of the file

    @property
    def module(self) -> Scope:
        return self.scopes[0]

    def methods_of(self, cls: ast.ClassDef) -> list:
        return [scope for scope in self.scopes if scope.cls is cls]


def _optimizer_classes(index: FileIndex) -> dict:
    return {
        name: "zero_grad" not in facts.methods
        for name, facts in index.classes.items()
        if any(base and base.startswith("torch.optim.") for base in facts.bases)
    }


def _scopes(tree: ast.Module) -> Iterator[Scope]:
    yield Scope(None, list(scope_nodes(tree.body, skip_definitions=True)), None)
    classes = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, FUNCTIONS):
                    classes[id(item)] = node
    for node in ast.walk(tree):
        if isinstance(node, FUNCTIONS):
            yield Scope(node, list(scope_nodes(node.body, skip_definitions=True)), classes.get(id(node)))


def _aliases(nodes: list) -> list:
    """`for local_p, shared_p in zip(local.parameters(), shared.parameters()): shared_p._grad = local_p.grad`
    (either order, `named_parameters()` too)."""
    found = []
    for loop in nodes:
        if not isinstance(loop, (ast.For, ast.AsyncFor)):
            continue
        owners = _zipped_parameters(loop)
        if not owners:
            continue
        for node in scope_nodes(loop.body, skip_definitions=True):
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
                continue
            target, value = node.targets[0], node.value
            if not (_is_grad_of_name(target) and _is_grad_of_name(value)):
                continue
            shared, local = owners.get(target.value.id), owners.get(value.value.id)
            if shared and local and shared != local:
                found.append(Alias(node, shared, local))
    return found


def _zipped_parameters(loop: ast.For) -> dict:
    """The loop's names of parameters -> the code of their module, for `for a, b in
    zip(m.parameters(), n.parameters())` (a `(name, a)` pair for `named_parameters()`)."""
    call = loop.iter
    if not (isinstance(call, ast.Call) and dotted(call.func) == "zip" and not call.keywords):
        return {}
    if not (isinstance(loop.target, ast.Tuple) and len(loop.target.elts) == len(call.args)):
        return {}
    owners = {}
    for target, source in zip(loop.target.elts, call.args):
        if not (isinstance(source, ast.Call) and isinstance(source.func, ast.Attribute) and not source.args):
            continue
        module = dotted(source.func.value)
        if source.func.attr == "named_parameters" and isinstance(target, ast.Tuple) and len(target.elts) == 2:
            target = target.elts[1]
        elif source.func.attr != "parameters":
            continue
        if module and isinstance(target, ast.Name):
            owners[target.id] = module
    return owners


def _is_grad_of_name(expr: ast.expr) -> bool:
    return isinstance(expr, ast.Attribute) and expr.attr in GRAD_ATTRIBUTES and isinstance(expr.value, ast.Name)


def _helper(call: ast.Call, scope: Scope, functions: dict, methods: dict) -> Optional[Scope]:
    """The file's function or method (of the caller's class, through `self.`) that `call` calls."""
    if isinstance(call.func, ast.Name):
        return functions.get(call.func.id)
    if scope.cls is not None and dotted(call.func) == f"self.{getattr(call.func, 'attr', '')}":
        return methods.get((id(scope.cls), call.func.attr))
    return None


def _seen_from(alias: Alias, helper: ast.AST, call: ast.Call) -> Optional[Alias]:
    """The alias a helper makes, its modules named as the call's arguments (attributes of `self`
    as they are); None where a module is a parameter the call does not evidently pass."""
    parameters = [a.arg for a in (*helper.args.posonlyargs, *helper.args.args)]
    if isinstance(call.func, ast.Attribute):  # self.helper(...): `self` is bound already
        parameters = parameters[1:]
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        return None
    passed = dict(zip(parameters, call.args))
    passed.update((k.arg, k.value) for k in call.keywords)
    every_parameter = set(parameters) | {a.arg for a in helper.args.kwonlyargs}

    def named(module: str) -> Optional[str]:
        root, dot, rest = module.partition(".")
        if root not in every_parameter:
            return module
        argument = dotted(passed[root]) if root in passed else None
        return argument + dot + rest if argument else None

    shared, local = named(alias.shared), named(alias.local)
    return Alias(alias.statement, shared, local) if shared and local else None


def _zero_grad_calls(nodes) -> Iterator[ast.Call]:
    for node in nodes:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "zero_grad":
            yield node


def _receiver(call: ast.Call) -> Optional[str]:
    return dotted(call.func.value)


def _keeps_tensors(call: ast.Call) -> bool:
    """Anything but the default `set_to_none=True`, spelled out or left out, may keep the
    tensors: `set_to_none=False`, `zero_grad(False)`, a flag whose value is not evident."""
    values = list(call.args[:1]) + [k.value for k in call.keywords if k.arg == "set_to_none"]
    return any(not (isinstance(value, ast.Constant) and value.value is True) for value in values)


def _local_cleared(alias: Alias, scope: Scope, as_made: Alias, where: Scope, file: _File) -> bool:
    """The update clears the local grads some other way, in the scope or the helper that
    aliases (`where`, which names the local model as `as_made` does): a `zero_grad()` on the
    local model or on an optimizer over it, a grad set to None or zeroed in place; or a
    method of the class clears a local model held on `self`; or a local model built anew
    inside a loop (fresh grads each time)."""
    places = [(scope, alias.local), (where, as_made.local)]
    if alias.local.startswith("self.") and scope.cls is not None:
        places += [(method, alias.local) for method in file.methods_of(scope.cls)]
    for place, local in places:
        for node in place.nodes:
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr == "zero_grad":
                    receiver = _receiver(node)
                    owners = _optimizer_bindings(receiver, place, file)
                    if receiver == local or any(b not in (PASSED, None) and local in b for b in owners):
                        return True
                if node.func.attr in ("zero_", "fill_") and _is_grad_read(node.func.value):
                    return True
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Attribute) and t.attr in GRAD_ATTRIBUTES for t in node.targets
            ) and isinstance(node.value, ast.Constant) and node.value.value is None:
                return True
    return _rebuilt_in_loop(alias.local, scope)


def _is_grad_read(expr: ast.expr) -> bool:
    """`p.grad`, `p._grad` or `p.grad.data`."""
    if isinstance(expr, ast.Attribute) and expr.attr == "data":
        expr = expr.value
    return isinstance(expr, ast.Attribute) and expr.attr in GRAD_ATTRIBUTES


def _rebuilt_in_loop(module: str, scope: Scope) -> bool:
    for loop in scope.nodes:
        if isinstance(loop, LOOPS):
            for node in scope_nodes(loop.body, skip_definitions=True):
                if isinstance(node, (ast.Assign, ast.AnnAssign)):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    if any(dotted(target) == module for target in targets):
                        return True
    return False


def _over_shared_only(receiver: Optional[str], alias: Alias, scope: Scope, file: _File) -> bool:
    """`receiver` is an optimizer over the shared model's parameters and not the local
    model's, by every binding the scope or its class gives it; one handed in by the caller
    counts as the shared one (what A3C passes its workers)."""
    bindings = _optimizer_bindings(receiver, scope, file)
    return bool(bindings) and all(
        binding == PASSED or (binding is not None and alias.shared in binding and alias.local not in binding)
        for binding in bindings
    )


def _optimizer_bindings(receiver: Optional[str], scope: Scope, file: _File) -> list:
    """What each binding of `receiver` makes it: the modules an optimizer built there updates
    (a frozenset, empty for anything else bound), PASSED for a parameter of the function that
    binds it, or None for a receiver not followed. `None` defaults are no bindings. A name the
    function neither binds nor takes is looked up at module level."""
    if receiver is None:
        return [None]
    if receiver.startswith("self.") and receiver.count(".") == 1:
        if scope.cls is None:
            return [None]
        places = [(method.node, method.nodes) for method in file.methods_of(scope.cls)]
    elif "." not in receiver:
        places = [(scope.node, scope.nodes)]
        if scope.node is not None and receiver not in _parameter_names(scope.node):
            if not _binds(scope.nodes, receiver):
                places = [(None, file.module.nodes)]
    else:
        return [None]
    bindings = []
    for function, nodes in places:
        parameters = _parameter_names(function)
        if receiver in parameters:
            bindings.append(PASSED)
        for node in nodes:
            if not isinstance(node, ast.Assign) or not any(dotted(t) == receiver for t in node.targets):
                continue
            value = node.value
            if isinstance(value, ast.Constant) and value.value is None:
                continue
            if isinstance(value, ast.Name) and value.id in parameters:
                bindings.append(PASSED)
                continue
            bindings.append(_optimized(value, file))
    return bindings


def _parameter_names(function: Optional[ast.AST]) -> frozenset:
    if function is None:
        return frozenset()
    arguments = function.args
    return frozenset(a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs))


def _binds(nodes: list, name: str) -> bool:
    return any(isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store) for node in nodes)


def _optimized(value: ast.expr, file: _File) -> frozenset:
    """The modules an optimizer built by `value` updates: `torch.optim.X(<params>)`
    (summaries.optimized_modules) or an optimizer class of the file; empty for anything else."""
    if isinstance(value, ast.Call) and value.args and file.optimizer_classes.get(dotted(value.func), False):
        return parameter_owners(value.args[0]) or frozenset()
    return optimized_modules(value, file.imports)
