"""Evidence from use, across the file: a loss callable whose result some scope backward()s
without a gradient gives one element, and so does every call of it (a reduction: 0-dim since
PyTorch 0.4). `loss = self.criterion(out, y); loss.backward()` in `train()` says what
`self.criterion(out, y).data[0]` in `validate()` does.

Only callables named like a loss (`criterion`, `self.loss_fn`, `vae_loss`) are taken: what a
generic function returns may have another shape given other arguments, so a call counts only
alike: the same callable, as many positional arguments, no keywords. A result is followed
through names bound only to loss calls, numbers and `+ - * /` of such terms; a name bound to
anything else as well (`loss = loss.mean()`) tells nothing, nor does a backward() given a
gradient."""

from __future__ import annotations

import ast
from typing import Iterable

from ..syntax.ast_syntax import (
    attribute_bindings,
    binding_targets,
    bound_names,
    dotted,
    parameter_names,
    scope_nodes,
    self_attribute,
)

TERM_OPERATORS = (ast.Add, ast.Sub, ast.Mult, ast.Div)
PARAMETER = "<parameter>"  # the owner of a loss callable a function is given
# backward() keywords that leave its output one element; `gradient=` (or any positional) does not.
SCALAR_BACKWARD_KEYWORDS = frozenset(("retain_graph", "create_graph", "retain_variables", "inputs"))


def is_loss_name(name: str) -> bool:
    """Whether the last part of a callee's name names a loss (the spelling DET504's precheck reads)."""
    last = name.rpartition(".")[2].lower()
    return "loss" in last or "criterion" in last


def backwarded_scopes(tree: ast.Module, scopes: Iterable[tuple]) -> tuple:
    """(class or None, function or None, what it backward()s without a gradient, its term
    bindings) for each scope of `scopes` ((class or None, function or None for the module),
    FileIndex.backwarding_scopes) that backward()s something: what both kinds of evidence
    below read, walked once."""
    found = []
    for owner, function in scopes:
        nodes_here = list(scope_nodes((function or tree).body, skip_definitions=True))
        roots = [call.func.value for call in nodes_here if _scalar_backward(call)]
        if roots:
            found.append((owner, function, roots, _term_bindings(nodes_here)))
    return tuple(found)


def one_element_losses(backwarded: Iterable[tuple]) -> frozenset:
    """(class, dotted name, number of arguments) of the loss callables that some scope
    (backwarded_scopes) backward()s a result of without a gradient, called
    with positional arguments only: `(C, "self.criterion", 2)` for an attribute of the class
    C's instances, `(None, "criterion", 2)` for a global (a name the scope does not bind),
    `(PARAMETER, "criterion", 2)` for a parameter the function never rebinds: the loss a
    training function is given is the one its file's evaluation function of the same
    parameter name is given (`train_epoch(loader, model, criterion, optimizer)` and
    `eval(loader, model, criterion)`). A local name may be another object in another
    function, and tells nothing there; other arguments may ask for another shape
    (`size_average=False`)."""
    found: set = set()
    for owner, function, roots, local_bindings in backwarded:
        local = _locals(function) if function is not None else frozenset()  # the module's names are globals
        passed = parameter_names(function) - bound_names(function.body) if function is not None else frozenset()
        for name, arity in _loss_callees(roots, local_bindings):
            head = name.partition(".")[0]
            if head == "self" and owner is not None:
                found.add((owner, name, arity))
            elif head in passed and head != "self":
                found.add((PARAMETER, name, arity))
            elif head not in local and head != "self":
                found.add((None, name, arity))
    return frozenset(found)


def one_element_attributes(tree: ast.Module, backwarded: Iterable[tuple]) -> frozenset:
    """(class, `self.<attribute>`) of the attributes named like a loss that a method of the
    class backward()s without a gradient, or sums or scales into what it backward()s
    (`self.loss_G = self.loss_G_A + self.loss_cycle_A; self.loss_G.backward()`), where each
    binding of the attribute in the class is a term (a loss call, a number, `+ - * /` of
    terms): one element wherever a method of the class reads it (`self.loss_G_A.data[0]`);
    `backwarded` is backwarded_scopes."""
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    bindings: dict = {}  # class -> attribute_bindings of it
    found: set = set()
    for owner, function, roots, local in backwarded:
        if owner not in classes or function is None:
            continue
        if owner not in bindings:
            bindings[owner] = attribute_bindings(classes[owner])
        attributes = bindings[owner]
        # (expression, whether its names are this method's): an attribute's value bound in
        # another method is followed through attributes and operators only.
        stack, seen = [(root, True) for root in roots], set()
        while stack:
            expr, here = stack.pop()
            if isinstance(expr, ast.BinOp) and isinstance(expr.op, TERM_OPERATORS):
                stack += [(expr.left, here), (expr.right, here)]
            elif isinstance(expr, ast.UnaryOp) and isinstance(expr.op, ast.USub):
                stack.append((expr.operand, here))
            elif isinstance(expr, ast.Name) and here and expr.id not in seen:
                seen.add(expr.id)
                stack += [(value, True) for value in local.get(expr.id) or []]
            elif self_attribute(expr) is not None and "self." + expr.attr not in seen:
                seen.add("self." + expr.attr)
                values = [value for _, value, _ in attributes.get(expr.attr, [])]
                if is_loss_name(expr.attr) and values and all(v is not None and _is_term(v) for v in values):
                    found.add((owner, "self." + expr.attr))
                    stack += [(value, False) for value in values]
    return frozenset(found)


def _locals(function: ast.AST) -> frozenset:
    return parameter_names(function) | frozenset(bound_names(function.body))


def _scalar_backward(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "backward"
        and not node.args
        and all(keyword.arg in SCALAR_BACKWARD_KEYWORDS for keyword in node.keywords)
    )


def _term_bindings(nodes: list) -> dict:
    """name -> the expressions bound to it in the scope, or None where one binding is not a
    term (`loss = loss.mean()`, a tuple target, a loop variable)."""
    bindings: dict = {}
    for node in nodes:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            _bind(bindings, node.targets[0].id, node.value)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            _bind(bindings, node.target.id, node.value if isinstance(node.op, TERM_OPERATORS) else None)
        else:
            for target in _other_targets(node):
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        bindings[name.id] = None
    return bindings


def _other_targets(node: ast.AST) -> list:
    """What any other binding binds: a tuple target, a loop variable, `with ... as`, a walrus."""
    if isinstance(node, (ast.With, ast.AsyncWith)):
        return [item.optional_vars for item in node.items if item.optional_vars is not None]
    if isinstance(node, (ast.NamedExpr, ast.comprehension)):
        return [node.target]
    return binding_targets(node) if isinstance(node, ast.stmt) else []


def _bind(bindings: dict, name: str, value) -> None:
    if value is None or not _is_term(value):
        bindings[name] = None
    elif bindings.get(name, ()) is not None:
        bindings[name] = [*bindings.get(name, ()), value]


def _is_term(expr: ast.AST) -> bool:
    if isinstance(expr, ast.BinOp):
        return isinstance(expr.op, TERM_OPERATORS)
    if isinstance(expr, ast.UnaryOp):
        return isinstance(expr.op, ast.USub)
    if isinstance(expr, ast.Call):
        name = dotted(expr.func)
        return name is not None and is_loss_name(name)
    return isinstance(expr, (ast.Name, ast.Constant, ast.Attribute))


def _loss_callees(roots: list, bindings: dict) -> set:
    found, seen, stack = set(), set(), list(roots)
    while stack:
        expr = stack.pop()
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, TERM_OPERATORS):
            stack += [expr.left, expr.right]
        elif isinstance(expr, ast.UnaryOp) and isinstance(expr.op, ast.USub):
            stack.append(expr.operand)
        elif isinstance(expr, ast.Call):
            name = dotted(expr.func)
            plain = not expr.keywords and not any(isinstance(arg, ast.Starred) for arg in expr.args)
            if name is not None and is_loss_name(name) and plain:
                found.add((name, len(expr.args)))
        elif isinstance(expr, ast.Name) and expr.id not in seen:
            seen.add(expr.id)
            stack += bindings.get(expr.id) or []
    return found
