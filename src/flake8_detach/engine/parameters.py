"""What a function's parameters hold, from the calls that give them: a parameter that every
call of the function in the file gives a 0-dim value (`report_loss(epoch, d_loss, g_loss)`
with the losses a training step returned) is 0-dim in the function's body, and one that every
call gives a torch loss function (`validate(model, loader, criterion)` with `criterion =
nn.CrossEntropyLoss()`) is that loss function, whose results are 0-dim where its reduction is.

Read only in a file that trains (it calls backward()), for its top-level functions bound once
whose body indexes or iterates a parameter (what a 0-dim value cannot take) or calls one, and
only where the function's name is used nowhere but in calls: a function handed on may be
called with anything. An argument is known where it is written out, or is a name every
binding of which in the calling scope gives one value (evaluated on its own, as
FileIndex.built_globals are)."""

from __future__ import annotations

import ast
from typing import Optional

import libcst as cst

from ..analysis.file_index import BACKWARD_CALL
from ..syntax.ast_syntax import bound_names, call_arguments, function_scopes, parameter_names, scope_nodes
from .evaluator import Evaluator
from .facts import LOSS_FUNCTION, Value

# Builtins that iterate over their argument.
ITERATING_BUILTINS = frozenset("sum list tuple iter enumerate zip sorted max min any all".split())


def indexed_parameters(index) -> dict:
    """function name -> its parameters that its body indexes or iterates, for the file's
    top-level functions bound once: the only parameters whose 0-dim-ness is read."""
    cache = index.parameter_facts
    if "indexed" not in cache:
        cache["indexed"] = {
            name: frozenset(params) for name, node in index.summarisable_functions.items()
            if (params := _indexed_parameters(node))
        } if BACKWARD_CALL.search(index.source) else {}  # where losses are made and logged: a file that trains
    return cache["indexed"]


def called_parameters(index) -> dict:
    """function name -> its plain parameters that its body calls (`criterion(out, y)`), for the
    file's top-level functions bound once: the only parameters whose being a loss function is read."""
    cache = index.parameter_facts
    if "called" not in cache:
        cache["called"] = {
            name: frozenset(params) for name, node in index.summarisable_functions.items()
            if (params := _called_parameters(node))
        } if BACKWARD_CALL.search(index.source) else {}
    return cache["called"]


def loss_function_parameters(index, function: str) -> dict:
    """param -> the loss function (a Value of kind LOSS_FUNCTION) that every call of the file's
    function `function` gives its parameter, for the parameters its body calls (made once per
    function, when asked)."""
    params = called_parameters(index).get(function)
    if not params:
        return {}
    cache = index.parameter_facts
    key = ("loss_function", function)
    if key not in cache:
        cache[key] = {}  # while it is made: a call of it inside an argument knows nothing
        calls = _calls(index).get(function)
        node = index.summarisable_functions[function]
        found = {}
        for param in sorted(params):
            values = [_given_value(index, node, call, scope, param) for call, scope in calls or ()]
            if values and all(value is not None and value.kind == LOSS_FUNCTION for value in values):
                found[param] = Value(kind=LOSS_FUNCTION, zero_dim=all(value.zero_dim for value in values))
        cache[key] = found
    return cache[key]


def zero_dim_parameter_words(index) -> dict:
    """function name -> the parameters from which a 0-dim value may come in its body without
    a reduction written: those every call gives a 0-dim value, and the loss functions every
    call gives whose results are 0-dim (words the planner's needs read like a reduction's)."""
    return {
        name: zero_dim_parameters(index, name) | frozenset(
            param for param, value in loss_function_parameters(index, name).items() if value.zero_dim
        )
        for name in (*indexed_parameters(index), *called_parameters(index))
    }


def zero_dim_parameters(index, function: str) -> frozenset:
    """The parameters of the file's function `function` that every call of it in the file
    gives a 0-dim value (made once per function, when asked)."""
    params = indexed_parameters(index).get(function)
    if not params:
        return frozenset()
    cache = index.parameter_facts
    key = ("zero_dim", function)
    if key not in cache:
        cache[key] = frozenset()  # while it is made: a call of it inside an argument knows nothing
        calls = _calls(index).get(function)
        node = index.summarisable_functions[function]
        cache[key] = frozenset(
            param for param in params
            if calls and all(_gives_zero_dim(index, node, call, scope, param) for call, scope in calls)
        )
    return cache[key]


def _calls(index) -> dict:
    """function name -> (call, its scope) of each call of the file's candidate functions
    (FileIndex.function_calls: none for a function handed on)."""
    cache = index.parameter_facts
    if "calls" not in cache:
        cache["calls"] = {name: index.function_calls[name] for name in (*indexed_parameters(index), *called_parameters(index))}
    return cache["calls"]


def _indexed_parameters(function: ast.FunctionDef) -> set:
    """The plain parameters the body indexes with an integer (`p.data[0]`, `p[-1]`) or iterates
    with a builtin (`sum(p)`)."""
    params = {a.arg for a in function.args.args}
    found = set()
    for node in scope_nodes(function.body, skip_definitions=True):
        if isinstance(node, ast.Subscript) and isinstance(node.slice, (ast.Constant, ast.UnaryOp)):
            found.add(_root(node.value))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ITERATING_BUILTINS:
            found.update(_root(arg) for arg in node.args)
    return found & params


def _called_parameters(function: ast.FunctionDef) -> set:
    """The plain parameters the body calls by name (`criterion(out, y)`)."""
    params = {a.arg for a in function.args.args}
    return params & {
        node.func.id for node in scope_nodes(function.body, skip_definitions=True)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }


def _root(expr: ast.AST) -> Optional[str]:
    """`p` of `p.data`, `p.cpu().data`, `p[0]`."""
    while isinstance(expr, (ast.Attribute, ast.Subscript, ast.Call)):
        expr = expr.func if isinstance(expr, ast.Call) else expr.value
    return expr.id if isinstance(expr, ast.Name) else None


def _gives_zero_dim(index, function: ast.FunctionDef, call: ast.Call, scope, param: str) -> bool:
    """Whether `call` of `function` gives its parameter `param` a value known to be 0-dim."""
    value = _given_value(index, function, call, scope, param)
    return value is not None and value.zero_dim


def _given_value(index, function: ast.FunctionDef, call: ast.Call, scope, param: str) -> Optional[Value]:
    """What `call` of `function` gives its parameter `param`, where known: the argument
    written out, a name every binding of which in the calling scope gives one value, or a
    global the calling scope does not bind."""
    argument = dict(call_arguments(function, call)).get(param)
    if argument is None:
        return None  # its default, or hidden behind `*args` / `**kwargs`
    bindings = _scope_bindings(index, scope)
    if not isinstance(argument, ast.Name) or argument.id not in _locals(index, scope) | bindings.keys():
        return _value(index, argument, scope)
    values = [_bound_value(index, argument.id, target, value, scope) for target, value in bindings[argument.id]]
    if not values or any(value is None for value in values):
        return None
    joined = values[0]
    for value in values[1:]:
        joined = joined.join(value)
    return joined


def _scope_bindings(index, scope) -> dict:
    """name -> (target, value) of each assignment of `scope` that binds it, and (None, None)
    where something else binds it too (a parameter, a loop, a `with`, `+=`, an import...);
    made once per scope."""
    key = ("bindings", id(scope))
    cache = index.parameter_facts
    if key not in cache:
        found: dict = {}
        assigned: dict = {}  # name -> how many of its stores the assignments make
        stores: dict = {}
        for node in scope_nodes(scope.body, skip_definitions=True):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    for name in {n.id for n in ast.walk(target) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}:
                        found.setdefault(name, []).append((target, node.value))
                        assigned[name] = assigned.get(name, 0) + _stores(target, name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                stores[node.id] = stores.get(node.id, 0) + 1
            elif isinstance(node, (ast.Global, ast.Nonlocal)):
                _unwritten(found, node.names)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                _unwritten(found, [(a.asname or a.name).partition(".")[0] for a in node.names])
            elif isinstance(node, (ast.ExceptHandler, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name:
                _unwritten(found, [node.name])
        _unwritten(found, [name for name, count in stores.items() if count > assigned.get(name, 0)])
        if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
            _unwritten(found, parameter_names(scope))
        cache[key] = found
    return cache[key]


def _unwritten(found: dict, names) -> None:
    for name in names:
        found.setdefault(name, []).append((None, None))


def _stores(target: ast.AST, name: str) -> int:
    """How many times `target` stores into `name`."""
    return sum(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store) for n in ast.walk(target))


def _bound_value(index, name: str, target: Optional[ast.expr], value: Optional[ast.expr], scope) -> Optional[Value]:
    """What `target = value` binds `name` to: the value, or its element of an unpacked tuple
    (`d_loss, g_loss = train_step(...)`); None where not known."""
    if target is None:
        return None
    if isinstance(target, ast.Name):
        return _value(index, value, scope)
    if not (isinstance(target, (ast.Tuple, ast.List)) and all(isinstance(e, ast.Name) for e in target.elts)):
        return None
    expression = _parsed(index, value)
    elements = _evaluator(index, scope).unpacked(expression, len(target.elts)) if expression is not None else None
    if elements is None:
        return None
    return next(element for element, part in zip(elements, target.elts) if part.id == name)


def _value(index, expr: ast.expr, scope) -> Value:
    expression = _parsed(index, expr)
    return _evaluator(index, scope).value(expression) if expression is not None else Value()


def _parsed(index, expr: ast.expr) -> Optional[cst.BaseExpression]:
    try:
        return cst.parse_expression(index.code_of(expr))
    except (cst.ParserSyntaxError, RecursionError, MemoryError):
        return None


def _evaluator(index, scope) -> Evaluator:
    """An evaluator of expressions of `scope` on their own: a function's names are its locals
    (unknown), the module's are globals (FileIndex.built_globals)."""
    evaluator = Evaluator(index)
    evaluator.locals = _locals(index, scope)
    return evaluator


def _locals(index, scope) -> frozenset:
    """The names a function binds (made once per scope); none for the module."""
    key = ("locals", id(scope))
    cache = index.parameter_facts
    if key not in cache:
        is_function = isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef))
        cache[key] = parameter_names(scope) | frozenset(bound_names(scope.body)) if is_function else frozenset()
    return cache[key]
