"""DET504: the 0.3-era `loss.data[0]` and `sum(loss)`, which treat a 0-dim tensor as a sequence."""

from __future__ import annotations

import ast

import libcst as cst

from .. import torchapi
from ..analysis.one_element import is_loss_name
from ..engine.parameters import ITERATING_BUILTINS, loss_function_parameters, zero_dim_parameters
from ..syntax.ast_syntax import callee_name, dotted, last_word, scope_nodes
from ..syntax.cst_syntax import call_method, method_name
from ..findings import SAFE
from ._base import LOSS_WORDS, Example, Raises, WalkRule


# torch's functions that concatenate along an existing dim: a 0-dim tensor has none.
CONCATENATIONS = frozenset(("torch.cat", "torch.concat", "torch.concatenate"))
CONCATENATED = frozenset(name.rpartition(".")[2] for name in CONCATENATIONS)
# Methods whose result is 0-dim where their receiver is.
PASSING_ON = frozenset("detach cpu cuda float double clone".split())
# Calls whose result may be the 0-dim value indexed (`x.sum()[0]`, `loss.data.cpu().numpy()[0]`).
ZERO_DIM_MAKERS = torchapi.FULL_REDUCTIONS | torchapi.WHOLE_REDUCTIONS | {"numpy", "cpu", "cuda", "detach", "float", "double"}


def iterated(builtin: str, positional: list) -> list:
    """The positional arguments that `builtin` iterates over: every one for zip; for min, max
    and iter only a lone one (`max(a, b)` compares, `iter(f, end)` calls); else the first
    (`sum(xs, start)`, `enumerate(xs, 1)`)."""
    if builtin == "zip":
        return positional
    if builtin in ("min", "max", "iter"):
        return positional if len(positional) == 1 else []
    return positional[:1]


class ZeroDimAsSequence(WalkRule):
    code = "DET504"
    name = "zero-dim-as-sequence"
    message = "{expr} {use} a 0-dim tensor: {error} since PyTorch 0.4"
    # What makes a 0-dim tensor in the scope (a loss, a full reduction, `.data` of one), then
    # an integer index or an iterating builtin.
    # `.data[` too: the 0.3-era read of a value a helper of the file reduced (`dis = distance(a, b)`).
    needs = (
        "|".join([
            LOSS_WORDS, r"\.data\s*\[",
            *(rf"{name}\s*\(" for name in sorted(torchapi.FULL_REDUCTIONS | torchapi.WHOLE_REDUCTIONS)),
        ]),
        r"\[\s*-?\d+\s*\]|\b(sum|list|tuple|iter|enumerate|zip|sorted|max|min|any|all|cat|concat|concatenate)\s*\(",
    )
    raises = "IndexError"
    what = (
        "Flags an integer index (`[0]`, `[-1]`) into a value known to be 0-dim: a torch loss "
        "(`F.cross_entropy(...)`, `criterion(...)` of an `nn.*Loss` built without "
        "`reduction='none'`, there or handed to the function by every call of it in the file), "
        "a full reduction (`x.sum()`, `x.mean()`, `torch.sum(x)`), a loss "
        "that `backward()` took without a gradient (`criterion` passed in), a sum of such values "
        "started from a number (`loss = 0`, then `loss += ...` in a loop), what a module returns "
        "whose class (the file's, or imported from the project) ends `forward()` with a full "
        "reduction (a WGAN critic's `return torch.mean(x)`), an attribute named like a loss that "
        "a method of the class backward()s or sums into what it backward()s (`self.loss_G_A` in "
        "CycleGAN-style `get_current_errors()`), their "
        "`.data`, `.detach()`, `.numpy()` and elementwise results; and builtins that iterate "
        "over such a value (`sum(loss)`, `list(loss)`), and `torch.cat` of a list holding one "
        "(`torch.cat([d_loss, g_loss])`, `torch.cat([x.norm(1) for x in xs])`). `loss.data[0]` and `loss[0]` are how "
        "code before PyTorch 0.4 read a loss's value."
    )
    why = (
        "Since PyTorch 0.4 a loss is a 0-dim tensor, and indexing it raises \"invalid index of a "
        "0-dim tensor. Use `tensor.item()`\" (a 0-d numpy array raises \"too many indices\"), "
        "iterating one raises \"iteration over a 0-d tensor\", and concatenating one raises "
        "\"zero-dimensional tensor cannot be concatenated\" (`torch.stack` makes the vector): "
        "old training loops stop at "
        "their first log line. `.item()` gives the number; the loss itself is its own sum."
    )
    references = ("https://pytorch.org/blog/pytorch-0_4_0-migration-guide/",)
    fix_safety = SAFE  # `.item()` gives the Python number the index gave before 0.4
    fix_title = "read the number: `loss.data[0]` -> `loss.item()`; stack 0-dim values: `torch.cat` -> `torch.stack` (iteration has no fix)"
    examples = (
        Example(
            bad="""\
import torch

features = [torch.randn(4, 3, requires_grad=True) for _ in range(2)]
targets = [torch.randn(4, 3) for _ in range(2)]
distances = torch.cat([torch.norm(f - t, 1) for f, t in zip(features, targets)])  # expect: DET504
distances.sum().backward()
""",
            good="""\
import torch

features = [torch.randn(4, 3, requires_grad=True) for _ in range(2)]
targets = [torch.randn(4, 3) for _ in range(2)]
distances = torch.stack([torch.norm(f - t, 1) for f, t in zip(features, targets)])
distances.sum().backward()
""",
            proof=Raises("RuntimeError", "zero-dimensional tensor"),
        ),
        Example(
            bad="""\
import torch
import torch.nn as nn

criterion = nn.MSELoss()
w = torch.ones(3, requires_grad=True)
loss = criterion(w * 2, torch.zeros(3))
running_loss = 0.0
running_loss += loss.data[0]  # expect: DET504
""",
            good="""\
import torch
import torch.nn as nn

criterion = nn.MSELoss()
w = torch.ones(3, requires_grad=True)
loss = criterion(w * 2, torch.zeros(3))
running_loss = 0.0
running_loss += loss.item()
""",
            proof=Raises("IndexError", "invalid index of a 0-dim tensor"),
        ),
        Example(
            bad="""\
import torch
import torch.nn.functional as F

w = torch.ones(3, requires_grad=True)
loss = F.mse_loss(w * 2, torch.zeros(3))
loss.backward()
losses = [loss.data.tolist()[0]]  # expect: DET504
""",
            good="""\
import torch
import torch.nn.functional as F

w = torch.ones(3, requires_grad=True)
loss = F.mse_loss(w * 2, torch.zeros(3))
loss.backward()
losses = [loss.item()]
""",
            proof=Raises("TypeError", "'float' object is not subscriptable"),
            # with --unsafe-fixes DET202's fix writes the `.data` as `.detach()` first
            fixed="""\
import torch
import torch.nn.functional as F

w = torch.ones(3, requires_grad=True)
loss = F.mse_loss(w * 2, torch.zeros(3))
loss.backward()
losses = [loss.detach().item()]
""",
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """An integer index into, or an iterating builtin over, `.data`, what a loss (named
        like one, or bound in the file to a torch loss class) or a reduction call gives, a name
        bound or added to such an expression or unpacked from a call, or, where a name is
        backward()-ed (evidence that a loss is 0-dim), that name and any name operated on with
        `+ - * /` (its terms)."""
        imports = index.imports
        # Parameters every call gives a loss function whose results are 0-dim (engine.parameters).
        loss_functions = {
            param for function in scope.of(ast.FunctionDef)
            for param, value in loss_function_parameters(index, function.name).items() if value.zero_dim
        }

        loss_attributes = {name for _, name in index.one_element_attributes}

        def makes_zero_dim(expr: ast.AST) -> bool:
            for node in scope_nodes([expr]):
                if isinstance(node, ast.Attribute) and (
                    node.attr == "data" or loss_attributes and dotted(node) in loss_attributes
                ):
                    return True
                if isinstance(node, ast.Call):
                    name = callee_name(node, imports)
                    if name in index.loss_function_names or name in loss_functions:
                        return True
                    if is_loss_name(name) or name.lower() in ZERO_DIM_MAKERS or name in index.list_returning_functions:
                        return True
                    called = node.func.value if name == "forward" and isinstance(node.func, ast.Attribute) else node.func
                    if last_word(called) in index.reducing_module_names:
                        return True  # a module whose forward() reduces (`D(x)`, `self.D.forward(x)`)
            return False

        bound = {
            target.id
            for node in scope.of(ast.Assign, ast.AugAssign)
            if makes_zero_dim(node.value)
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Name)
        }
        # Elements unpacked from a call: a function of the file (or the project) may return
        # 0-dim values in its tuple (engine.returns.returned_elements).
        bound |= {
            element.id
            for node in scope.of(ast.Assign) if isinstance(node.value, ast.Call)
            for target in node.targets if isinstance(target, (ast.Tuple, ast.List))
            for element in target.elts if isinstance(element, ast.Name)
        }
        backwarded = {
            node.func.value.id
            for node in scope.of(ast.Call)
            if isinstance(node.func, ast.Attribute) and node.func.attr == "backward" and isinstance(node.func.value, ast.Name)
        }
        if backwarded:  # and the names summed or scaled into what is backward()-ed (its terms)
            operands = [side for node in scope.of(ast.BinOp) for side in (node.left, node.right)]
            operands += [node.value for node in scope.of(ast.AugAssign)]
            bound |= backwarded | {expr.id for expr in operands if isinstance(expr, ast.Name)}

        def zero_dim(expr: ast.AST) -> bool:
            while isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "tolist":
                expr = expr.func.value  # what `loss.tolist()` gives is 0-dim where loss is
            return isinstance(expr, ast.Name) and expr.id in bound or makes_zero_dim(expr)

        def zero_dim_element(expr: ast.AST) -> bool:
            """An element of a concatenation that may be 0-dim: a name that may hold one, or a
            loss or reduction call of every element (`x.sum()`, `torch.norm(x, 1)`), under
            `.data` and moves; not a reduction along a dim (`x.mean(0)`), nor a move alone."""
            while isinstance(expr, ast.Attribute) and expr.attr == "data" or (
                isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr in PASSING_ON
            ):
                expr = expr.value if isinstance(expr, ast.Attribute) else expr.func.value
            if not isinstance(expr, ast.Call):
                return isinstance(expr, ast.Name) and expr.id in element_names()
            name = callee_name(expr, imports)
            if name in torchapi.FULL_REDUCTIONS or name in torchapi.WHOLE_REDUCTIONS:
                inputs = 1 if imports.qualname_of_dotted(dotted(expr.func)) else 0  # torch.sum(x), or x.sum()
                extra = len(expr.args) - inputs + sum(k.arg not in ("dtype", "p") for k in expr.keywords)
                return extra <= (1 if name == "norm" else 0)
            called = expr.func.value if name == "forward" and isinstance(expr.func, ast.Attribute) else expr.func
            return (name in index.loss_function_names or name in loss_functions or is_loss_name(name)
                    or last_word(called) in index.reducing_module_names)

        element_bound: list = []

        def element_names() -> set:
            """The names bound to such a call, and those backward()-ed (a loss)."""
            if not element_bound:
                element_bound.append(set())  # while being found: a name bound to a name is not one
                element_bound[0] = backwarded | {
                    target.id for node in scope.of(ast.Assign)
                    if zero_dim_element(node.value)
                    for target in node.targets if isinstance(target, ast.Name)
                }
            return element_bound[0]

        def indexes_one() -> bool:
            for node in scope.of(ast.Subscript):
                if _is_integer_ast(node.slice) and zero_dim(node.value):
                    return True
            for node in scope.of(ast.Call):
                tensors = node.args[0] if node.args and last_word(node.func) in CONCATENATED else None
                if isinstance(tensors, (ast.List, ast.Tuple)) and any(zero_dim_element(e) for e in tensors.elts):
                    return True
                if isinstance(tensors, (ast.ListComp, ast.GeneratorExp)) and zero_dim_element(tensors.elt):
                    return True
                if isinstance(node.func, ast.Name) and node.func.id in ITERATING_BUILTINS:
                    positional = [arg for arg in node.args if not isinstance(arg, ast.Starred)]
                    if len(positional) == len(node.args) and any(zero_dim(arg) for arg in iterated(node.func.id, positional)):
                        return True
            return False

        if indexes_one():
            return True
        # Last, as it evaluates the function's calls: parameters every call passes a 0-dim value.
        passed = set().union(*(zero_dim_parameters(index, function.name) for function in scope.of(ast.FunctionDef)))
        bound |= passed
        return bool(passed) and indexes_one()

    def on_subscript(self, subscript) -> None:
        if len(subscript.slice) != 1 or not _is_integer(subscript.slice[0].slice):
            return
        indexed = subscript.value
        if not self.ctx.value(indexed).zero_dim:
            return
        error, raises = "IndexError (use .item())", "IndexError"
        if isinstance(indexed, cst.Call) and method_name(indexed) == "tolist" and not indexed.args:
            indexed = indexed.func.value  # `loss.tolist()` of a 0-dim tensor is a Python number
            error, raises = "TypeError, its tolist() is a number (use .item())", "TypeError"
        # `loss.data[0]` becomes `loss.item()`: the `.data` was only the 0.3 way to reach the value.
        if isinstance(indexed, cst.Attribute) and indexed.attr.value == "data":
            indexed = indexed.value
        fix = self.fix((subscript, call_method(indexed, "item").with_changes(lpar=subscript.lpar, rpar=subscript.rpar)))
        self.report(subscript, fix=fix, raises=raises, expr=self.ctx.text(subscript, 30), use="indexes", error=error)

    def on_call(self, call) -> None:
        """`sum(loss)`, `list(loss)`: iterating a 0-dim tensor raises TypeError;
        `torch.cat([loss_a, loss_b])`: concatenating one raises RuntimeError."""
        if self.ctx.qualname(call.func) in CONCATENATIONS:
            self._on_concatenation(call)
            return
        if not (isinstance(call.func, cst.Name) and call.func.value in ITERATING_BUILTINS):
            return
        positional = [arg.value for arg in call.args if arg.keyword is None]
        if any(arg.star for arg in call.args if arg.keyword is None):
            return  # which argument lands where is not known
        if any(self.ctx.value(arg).zero_dim for arg in iterated(call.func.value, positional)):
            self.report(call, raises="TypeError", expr=self.ctx.text(call, 30), use="iterates over", error="TypeError")


    def _on_concatenation(self, call) -> None:
        tensors = call.args[0].value if call.args and call.args[0].keyword is None and not call.args[0].star else None
        if isinstance(tensors, (cst.List, cst.Tuple)):
            elements = [self.ctx.value(e.value) for e in tensors.elements if not isinstance(e, cst.StarredElement)]
            whole = len(elements) == len(tensors.elements)  # no `*rest` of unknown elements
        elif isinstance(tensors, (cst.ListComp, cst.GeneratorExp)):
            elements, whole = [self.ctx.element_value(tensors)], True
        else:
            return
        if not any(element.zero_dim for element in elements):
            return
        fix = None
        # every element 0-dim and no dim given: stacking them makes the vector the 0.3-era cat did
        if whole and all(e.zero_dim for e in elements) and len(call.args) == 1 and isinstance(call.func, cst.Attribute):
            fix = self.fix((call.func, call.func.with_changes(attr=cst.Name("stack"))))
        self.report(call, fix=fix, raises="RuntimeError", expr=self.ctx.text(call, 30), use="concatenates",
                    error="RuntimeError (stack them: torch.stack)")


def _is_integer(index: cst.BaseSlice) -> bool:
    if not isinstance(index, cst.Index):
        return False
    value = index.value
    if isinstance(value, cst.UnaryOperation) and isinstance(value.operator, cst.Minus):
        value = value.expression
    return isinstance(value, cst.Integer)


def _is_integer_ast(index: ast.AST) -> bool:
    if isinstance(index, ast.UnaryOp) and isinstance(index.op, ast.USub):
        index = index.operand
    return isinstance(index, ast.Constant) and type(index.value) is int
