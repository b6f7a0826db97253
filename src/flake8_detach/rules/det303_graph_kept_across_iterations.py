"""DET303: a loss kept across iterations keeps every iteration's graph alive."""

from __future__ import annotations

import ast

import libcst as cst

from .. import torchapi
from ..analysis.file_index import BACKWARD_CALL
from ..syntax.ast_syntax import scope_nodes
from ..syntax.cst_syntax import call_method, method_name, root_name, target_names, walk
from ..engine.facts import LOSS
from ..findings import UNSAFE
from ._base import LOOP, LOSS_WORDS, Breaks, Example, WalkRule
from ._loops import body_nodes, loop_body


class GraphKeptAcrossIterations(WalkRule):
    code = "DET303"
    name = "graph-kept-across-iterations"
    message = "{how} keeps every iteration's graph alive (memory grows): keep the loss's .{keep}()"
    needs = (LOSS_WORDS, LOOP, r"\+|\bappend\b")
    what = (
        "Flags, in a loop with grad mode on, `total += loss`, `total = total + loss`, "
        "`losses.append(loss)` and `losses.append(loss.clone())` where `loss` carries a graph: "
        "`backward()` was called on it, or it comes from a loss function (`torch.nn.functional.*_loss`, "
        "an instance of a `torch.nn.*Loss` class, or a callable named `criterion`, `loss_fn` or "
        "`*_loss`).\n\n"
        "The loop must be one of training or evaluation steps: it calls `backward()` or a callable "
        "named like a model. A loop over the parts of one loss (heads, codebooks, layers) builds "
        "that loss and is left alone, and so are accumulators that later reach `backward()` in the "
        "same function and sums or lists returned to the caller from a loop without `backward()` "
        "(but for a list of `clone()`s, copies made to keep)."
    )
    why = (
        "A loss tensor holds on to the whole graph that produced it. Adding it to a running total "
        "or a list keeps every iteration's graph alive, so memory grows until the run dies out of "
        "memory (PyTorch FAQ, \"My model reports cuda runtime error(2): out of memory\"). Keep a "
        "number (`loss.item()`) or a detached tensor (`loss.detach()`) instead."
    )
    references = ("https://pytorch.org/docs/stable/notes/faq.html#my-model-reports-cuda-runtime-error-2-out-of-memory",)
    fix_safety = UNSAFE  # `.item()` turns a tensor total into a float
    fix_title = "keep the value, not the graph: `loss.item()` for sums, `loss.detach()` for lists"
    examples = (
        Example(
            bad="""\
import torch
import torch.nn.functional as F

w = torch.ones(3, requires_grad=True)
total = 0.0
for step in range(3):
    loss = F.mse_loss(w * step, torch.zeros(3))
    loss.backward()
    total += loss  # expect: DET303
""",
            good="""\
import torch
import torch.nn.functional as F

w = torch.ones(3, requires_grad=True)
total = 0.0
for step in range(3):
    loss = F.mse_loss(w * step, torch.zeros(3))
    loss.backward()
    total += loss.item()
""",
            proof=Breaks("not isinstance(total, torch.Tensor)"),
        ),
        Example(
            bad="""\
import torch
import torch.nn.functional as F

model = torch.nn.Linear(3, 1)
losses = []
for step in range(3):
    loss = F.mse_loss(model(torch.ones(3)), torch.zeros(1))
    losses.append(loss)  # expect: DET303
""",
            good="""\
import torch
import torch.nn.functional as F

model = torch.nn.Linear(3, 1)
losses = []
for step in range(3):
    loss = F.mse_loss(model(torch.ones(3)), torch.zeros(1))
    losses.append(loss.detach())
""",
            proof=Breaks("all(loss.grad_fn is None for loss in losses)"),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """Some loop holds both an accumulation and a backward() or model call, or a call of
        a function or method of the file that calls backward() (FileIndex.functions_reaching)."""
        loops = scope.of(ast.For, ast.AsyncFor, ast.While)
        steps = index.functions_reaching(BACKWARD_CALL) if loops else frozenset()
        for loop in loops:
            body = list(scope_nodes(loop.body, skip_definitions=True))
            if not any(_trains_ast(node, steps) for node in body):
                continue
            if any(_accumulates_ast(node) for node in body) or any(  # the methods that keep: read only here
                    _calls_method(node, index.accumulating_methods) for node in body):
                return True
        return False

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        # Per open scope: the candidates, the names that reached backward(), and for each
        # assigned name the names its values were computed from.
        self.scopes: list = []

    def on_scope_start(self, scope) -> None:
        self.scopes.append(([], set(), {}))

    def on_scope_end(self, scope) -> None:
        candidates, backwarded, sources = self.scopes.pop()
        reached = _with_sources(backwarded, sources)  # `loss = losses[i]; loss.backward()` reaches `losses` too
        if not candidates:
            return
        # `loss = torch.stack(losses).mean(); return loss` hands `losses` to the caller too
        returned = _with_sources(_returned_tensors(scope), sources) if isinstance(scope, cst.FunctionDef) else set()
        for accumulator, node, fix, fields, step in candidates:
            if accumulator in reached:
                continue  # a loss built to backpropagate through once
            if step == "forward" and accumulator in returned and not _is_clone(node):
                continue  # losses (summed or listed) handed to the caller to backpropagate through;
                # a clone() stored is a copy meant to keep, taken for a graph cut
            self.report(node, fix=fix, **fields)

    def on_backward(self, call, tensor) -> None:
        self.scopes[-1][1].update(_names_in_tree(call))

    def on_loop(self, loop) -> None:
        """`for inv, fwd in zip(inv_losses, fwd_losses)`: the targets' values come from the
        lists iterated, so a backward() reaching them reaches those lists."""
        if isinstance(loop, cst.For):
            for name in target_names(loop.target):
                self.scopes[-1][2].setdefault(name, set()).update(_names_in_tree(loop.iter))

    def on_augassign(self, statement) -> None:
        if isinstance(statement.operator, cst.AddAssign) and isinstance(statement.target, cst.Name):
            self._candidate(statement.target.value, statement.value, statement, "item")

    def on_assign(self, target, value, statement) -> None:
        if isinstance(target, cst.Name):
            self.scopes[-1][2].setdefault(target.value, set()).update(_names_in_tree(value))
        is_sum = isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Add)
        if isinstance(target, cst.Name) and is_sum:
            for own, other in ((value.left, value.right), (value.right, value.left)):
                if isinstance(own, cst.Name) and own.value == target.value:
                    self._candidate(target.value, other, statement, "item")

    def on_call(self, call) -> None:
        if method_name(call) == "append" and len(call.args) == 1 and call.args[0].keyword is None:
            accumulator = root_name(call.func.value)
            if accumulator is not None:
                # `totals.append(task_loss)`: what reaches backward() or the caller through
                # `totals` reaches `task_loss` too
                self.scopes[-1][2].setdefault(accumulator, set()).update(_names_in_tree(call.args[0].value))
                self._candidate(accumulator, call.args[0].value, call, "detach")
        elif isinstance(call.func, cst.Attribute):  # `meter.update(loss, n)`: the meter keeps a sum
            accumulator = root_name(call.func.value)
            for kept in self.ctx.kept_arguments(call) if accumulator is not None else ():
                self._candidate(accumulator, kept, call, "item")

    def _candidate(self, accumulator: str, loss: cst.BaseExpression, node, keep: str) -> None:
        loops = self.ctx.loops
        kept = self.ctx.value(loss)
        if not loops or self.ctx.grad_mode is not True or kept.kind != LOSS:
            return
        body = loop_body(loops[-1])
        if any(not _accumulates(binding, accumulator) for binding in body.bindings(accumulator)):
            return  # bound afresh in each iteration: nothing outlives it
        # Only a loop over training or evaluation steps keeps graphs that are done with;
        # a loop over the parts of one loss (heads, codebooks, layers) builds that loss.
        # A loss whose graph backward() freed (in a function the body calls) is a step's too.
        step = "backward" if body.calls_backward or kept.freed else "forward" if body.runs_model else None
        if step is None:
            return
        fields = {"how": self.ctx.text(node, 30), "keep": keep}
        fix = self.fix((loss, call_method(loss, keep)))
        self.scopes[-1][0].append((accumulator, node, fix, fields, step))


def _is_clone(node: cst.CSTNode) -> bool:
    """`xs.append(loss.clone())`."""
    return isinstance(node, cst.Call) and isinstance(node.args[0].value, cst.Call) and method_name(node.args[0].value) == "clone"


def _names_in_tree(node: cst.CSTNode) -> set:
    return {name.value for name in walk(node) if isinstance(name, cst.Name)}


def _with_sources(names: set, sources: dict) -> set:
    """`names` and the names their values were computed from, transitively."""
    found, pending = set(), set(names)
    while pending:
        name = pending.pop()
        found.add(name)
        pending |= sources.get(name, set()) - found
    return found


def _returned_tensors(function: cst.FunctionDef) -> set:
    """Names a function returns as values (`return total`, `return total / n, x`), not through
    a call such as `float(total)` or `total.item()`."""
    returned: set = set()
    for node in body_nodes(function):
        if isinstance(node, cst.Return) and node.value is not None:
            stack = [node.value]
            while stack:
                expr = stack.pop()
                if isinstance(expr, cst.Name):
                    returned.add(expr.value)
                elif isinstance(expr, cst.BinaryOperation):
                    stack += [expr.left, expr.right]
                elif isinstance(expr, (cst.Tuple, cst.List)):
                    stack += [element.value for element in expr.elements]
    return returned


def _calls_method(node: ast.AST, methods: frozenset) -> bool:
    """A call `x.m(...)` of a method named in `methods`."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in methods


def _accumulates_ast(node: ast.AST) -> bool:
    """`x += ...`, `x = x + ...` or `xs.append(...)`, in Python's `ast`."""
    if isinstance(node, ast.AugAssign):
        return isinstance(node.op, ast.Add) and isinstance(node.target, ast.Name)
    if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.BinOp):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        names = {target.id for target in targets if isinstance(target, ast.Name)}
        operands = (node.value.left, node.value.right)
        return isinstance(node.value.op, ast.Add) and any(isinstance(o, ast.Name) and o.id in names for o in operands)
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "append"
        and len(node.args) + len(node.keywords) == 1
    )


def _trains_ast(node: ast.AST, steps: frozenset) -> bool:
    """A call of backward(), of a callable named like a model, or of one of `steps`, in
    Python's `ast`."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return name == "backward" or name in steps or torchapi.MODEL_NAME.search(name) is not None


def _accumulates(binding: cst.CSTNode, name: str) -> bool:
    """`total += x` or `total = total + x`: a binding that carries the old value on."""
    if isinstance(binding, cst.AugAssign):
        return True
    return isinstance(binding, cst.Assign) and name in _names_in_tree(binding.value)
