"""What the file's own functions return, read once from Python's `ast` (libcst parses only
some pieces of a file; a summary must hold for calls from any of them).

A function (or a lambda bound to a name) is summarised by what every `return` gives: a
Python value, a detached tensor, a torch loss (whose graph is unknown; one element where
it keeps the default reduction), or, for a function
that is one `return` of its parameters, an op of its arguments; anything else, or two
definitions of one name that disagree, leaves it unsummarised (unknown, as before).
Methods are summarised under `self.<name>`."""

from __future__ import annotations

import ast
from typing import Optional

from .. import torchapi
from ..syntax.ast_syntax import FUNCTIONS, dotted, parameter_names, scope_nodes, statements
from .imports import ImportTable

PYTHON_RESULT = "python"  # .item(), .tolist(), float(...), a literal, numpy's...: not a tensor
DETACHED = "detached"  # .detach(), .data, or computed under no_grad: does not require grad
LOSS_RESULT = "loss"  # a torch loss: carries a graph, not known which
REDUCED_LOSS = "reduced loss"  # a torch loss with its default reduction: one element, with a graph
OP_OF_ARGUMENTS = "op"  # computed from its arguments only: carries their graph, no more

PYTHON_CALLS = frozenset("float int bool len str round sum".split())  # builtins giving numbers
PYTHON_METHODS = frozenset("item tolist numpy".split())


def summarise(tree: ast.Module, imports: ImportTable) -> dict:
    """name (or `self.<method>`) -> what calling it returns, for the file's functions."""
    found: dict = {}
    for node in statements(tree.body):
        if isinstance(node, FUNCTIONS):
            methodish = bool(node.args.args) and node.args.args[0].arg == "self"
            key = f"self.{node.name}" if methodish else node.name
            kind = _returns(node, imports)
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            if len(names) != 1:
                continue
            key, kind = names[0], _kind_of(node.value.body, imports, parameter_names(node.value))
        else:
            continue
        found[key] = kind if found.get(key, kind) == kind else None
    return {key: kind for key, kind in found.items() if kind is not None}


def _returns(function: ast.AST, imports: ImportTable) -> Optional[str]:
    if any(imports.qualname_of_dotted(dotted(d.func if isinstance(d, ast.Call) else d)) in torchapi.GRAD_MODE_SETTERS
           and "enable" not in (dotted(d.func if isinstance(d, ast.Call) else d) or "") for d in function.decorator_list):
        return DETACHED  # @torch.no_grad()
    body = [stmt for stmt in function.body if not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant))]
    # Only a function that is one `return` computes its result from its parameters alone.
    parameters = parameter_names(function) if len(body) == 1 and isinstance(body[0], ast.Return) else frozenset()
    kinds = {
        _kind_of(node.value, imports, parameters) if node.value is not None else PYTHON_RESULT
        for node in statements(function.body, skip_definitions=True)
        if isinstance(node, ast.Return)
    }
    return kinds.pop() if len(kinds) == 1 else None


def _kind_of(expr: ast.AST, imports: ImportTable, parameters: frozenset) -> Optional[str]:
    """What a returned expression gives, where that is evident from its shape; an op of the
    arguments only where every name it reads is one of `parameters` (or a torch name)."""
    if isinstance(expr, (ast.Constant, ast.JoinedStr, ast.Compare, ast.BoolOp)) or (
        isinstance(expr, ast.UnaryOp) and isinstance(expr.op, ast.Not)
    ):
        return PYTHON_RESULT
    if isinstance(expr, ast.Attribute) and expr.attr == "data":
        return DETACHED
    if isinstance(expr, ast.BinOp):
        left, right = _kind_of(expr.left, imports, parameters), _kind_of(expr.right, imports, parameters)
        if left == right == PYTHON_RESULT:
            return PYTHON_RESULT
    if not isinstance(expr, ast.Call):
        return _op_of(expr, imports, parameters)
    func = expr.func
    if isinstance(func, ast.Name) and func.id in PYTHON_CALLS:
        return PYTHON_RESULT
    if isinstance(func, ast.Attribute) and func.attr in PYTHON_METHODS:
        return PYTHON_RESULT
    if (dotted(func) or "").partition(".")[0] in imports.arrays:
        return PYTHON_RESULT  # `np.mean(errors)`: numpy's, no tensor
    if isinstance(func, ast.Attribute) and func.attr == "detach":
        return DETACHED
    qualname = imports.qualname_of_dotted(dotted(func))
    if qualname is not None and torchapi.is_loss_function(qualname):
        return REDUCED_LOSS if _reduced(expr) else LOSS_RESULT
    return _op_of(expr, imports, parameters)


def _reduced(call: ast.Call) -> bool:
    """Whether a torch loss called so reduces to one element: neither `reduction=` other than
    "mean" or "sum", nor the pre-1.0 `reduce=` other than True, nor `**kwargs`, given."""
    for keyword in call.keywords:
        value = keyword.value
        if keyword.arg is None:
            return False
        if keyword.arg == "reduction" and not (isinstance(value, ast.Constant) and value.value in ("mean", "sum")):
            return False
        if keyword.arg == "reduce" and not (isinstance(value, ast.Constant) and value.value is True):
            return False
    return True


def _op_of(expr: ast.AST, imports: ImportTable, parameters: frozenset) -> Optional[str]:
    """OP_OF_ARGUMENTS where `expr` reads only `parameters`, torch names, and numbers."""
    for node in scope_nodes([expr]):
        if isinstance(node, ast.Name):
            if node.id not in parameters and imports.qualname_of_dotted(node.id) is None:
                return None
        elif isinstance(node, ast.Call):
            func = node.func
            name = imports.qualname_of_dotted(dotted(func)) or ""
            namespace, _, last = name.rpartition(".")
            torch_op = (
                f"{namespace}." in torchapi.OP_NAMESPACES
                and last[:1].islower()
                and last not in torchapi.FACTORIES
                and last not in torchapi.NOT_TENSOR_OPS
            )
            tensor_method = isinstance(func, ast.Attribute) and func.attr in torchapi.TENSOR_METHODS
            if not (torch_op or tensor_method) or any(k.arg == "requires_grad" for k in node.keywords):
                return None
        elif not isinstance(node, (ast.expr, ast.operator, ast.unaryop, ast.keyword, ast.Constant)):
            return None
    return OP_OF_ARGUMENTS


def class_optimizers(cls: ast.ClassDef, imports: ImportTable) -> dict:
    """`self.<attribute>` -> the modules whose parameters it updates, for the optimizers a
    class's methods build (`self.opt = torch.optim.Adam(self.net.parameters())`): an
    attribute bound to anything else anywhere in the class is left out."""
    found: dict = {}
    for node in statements(cls.body):
        if not isinstance(node, ast.Assign):
            continue
        for target in node.targets:
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
                modules = optimized_modules(node.value, imports)
                known = found.get(target.attr, modules)
                found[target.attr] = modules if modules and known == modules else frozenset()
    return {attr: modules for attr, modules in found.items() if modules}


def optimized_modules(expr: ast.AST, imports: ImportTable) -> frozenset:
    """The modules `torch.optim.X(<params>, ...)` updates, from its first argument."""
    if not isinstance(expr, ast.Call):
        return frozenset()
    name = imports.qualname_of_dotted(dotted(expr.func)) or ""
    if not (name.startswith("torch.optim.") and name.rpartition(".")[2][:1].isupper()) or not expr.args:
        return frozenset()
    return parameter_owners(expr.args[0]) or frozenset()


def parameter_owners(expr: ast.AST) -> Optional[frozenset]:
    """The modules whose parameters `expr` lists: `m.parameters()`, `list(...)`, `chain(...)`,
    `a + b`, `[{"params": ...}, ...]`; None where that is not evident."""
    if isinstance(expr, ast.Call):
        func = expr.func
        if isinstance(func, ast.Attribute) and func.attr in ("parameters", "named_parameters"):
            owner = dotted(func.value)
            return frozenset((owner,)) if owner else None
        if dotted(func) in ("list", "tuple", "iter", "chain", "itertools.chain") and expr.args:
            return _union(parameter_owners(arg) for arg in expr.args)
        return None
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        return _union((parameter_owners(expr.left), parameter_owners(expr.right)))
    if isinstance(expr, (ast.List, ast.Tuple)) and expr.elts:
        return _union(parameter_owners(element) for element in expr.elts)
    if isinstance(expr, ast.Starred):
        return parameter_owners(expr.value)
    if isinstance(expr, ast.Dict):
        for key, value in zip(expr.keys, expr.values):
            if isinstance(key, ast.Constant) and key.value == "params":
                return parameter_owners(value)
    return None


def _union(parts) -> Optional[frozenset]:
    result: frozenset = frozenset()
    for part in parts:
        if part is None:
            return None
        result |= part
    return result


def hands_on_volatile(function: ast.AST) -> bool:
    """Whether `function` gives its `volatile` parameter to a call as `volatile=` (a helper
    wrapping `Variable(x.cuda(), volatile=volatile)`)."""
    if "volatile" not in {arg.arg for arg in (*function.args.args, *function.args.kwonlyargs)}:
        return False
    return any(
        isinstance(node, ast.keyword) and node.arg == "volatile" and isinstance(node.value, ast.Name)
        and node.value.id == "volatile"
        for node in ast.walk(function)
    )

