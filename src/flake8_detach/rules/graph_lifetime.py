"""DET303/DET304/DET406: graphs kept alive, or walked twice, across iterations."""

from __future__ import annotations

import ast
from typing import Iterator

import libcst as cst

from .. import torchapi
from ..facts import CARRIES_GRAPH, LOSS
from ..regions import scope_nodes
from ..syntax import children, last_name, root_name, target_names, walk
from ._base import BACKWARD, LOOP, UNSAFE, Breaks, Example, Raises, Rule, call_method, method_name, retains_graph


def body_nodes(loop: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """Everything a loop body runs, not descending into functions and classes defined there."""
    stack = [loop.body]
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            stack.extend(children(node))


def calls_backward(loop: cst.CSTNode) -> bool:
    return any(isinstance(node, cst.Call) and method_name(node) == "backward" for node in body_nodes(loop))


def runs_model(loop: cst.CSTNode) -> bool:
    """The loop body calls a callable named like a model: each iteration is a forward step."""
    for node in body_nodes(loop):
        if isinstance(node, cst.Call) and torchapi.MODEL_NAME.search(last_name(node.func)):
            return True
    return False


def bindings(loop: cst.CSTNode, name: str) -> list:
    """The statements and expressions in a loop body that bind `name` or detach it in place."""
    found = []
    for node in body_nodes(loop):
        if isinstance(node, cst.Assign):
            targets = [t.target for t in node.targets]
        elif isinstance(node, (cst.AnnAssign, cst.AugAssign, cst.For, cst.NamedExpr)):
            targets = [node.target]
        elif isinstance(node, cst.AsName):
            targets = [node.name]
        elif isinstance(node, cst.Call) and method_name(node) == "detach_":
            targets = [node.func.value]
        else:
            continue
        if any(name in target_names(t) or (isinstance(t, cst.Name) and t.value == name) for t in targets):
            found.append(node)
    return found


class GraphKeptAcrossIterations(Rule):
    code = "DET303"
    name = "graph-kept-across-iterations"
    message = "{how} keeps every iteration's graph alive (memory grows): keep the loss's .{keep}()"
    needs = (r"loss|Loss|criterion|cross_entropy|kl_div|backward\s*\(", LOOP, r"\+|\bappend\b")
    what = (
        "Flags, in a loop with grad mode on, `total += loss`, `total = total + loss`, "
        "`losses.append(loss)` and `losses.append(loss.clone())` where `loss` carries a graph: "
        "`backward()` was called on it, or it comes from a loss function (`torch.nn.functional.*_loss`, "
        "an instance of a `torch.nn.*Loss` class, or a callable named `criterion`, `loss_fn` or "
        "`*_loss`).\n\n"
        "The loop must be one of training or evaluation steps: it calls `backward()` or a callable "
        "named like a model. A loop over the parts of one loss (heads, codebooks, layers) builds "
        "that loss and is left alone, and so are accumulators that later reach `backward()` in the "
        "same function and sums returned to the caller from a loop without `backward()`."
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
    def possible_in(nodes: list, imports) -> bool:
        """Some loop holds both an accumulation and a backward() or model call."""
        for loop in nodes:
            if isinstance(loop, (ast.For, ast.AsyncFor, ast.While)):
                body = list(scope_nodes(loop.body, skip_definitions=True))
                if any(_accumulates_ast(node) for node in body) and any(_trains_ast(node) for node in body):
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
        reached = set()
        while backwarded:  # `loss = losses[i]; loss.backward()` reaches `losses` too
            name = backwarded.pop()
            reached.add(name)
            backwarded |= sources.get(name, set()) - reached
        if not candidates:
            return
        returned = _returned_tensors(scope) if isinstance(scope, cst.FunctionDef) else set()
        for accumulator, node, fix, fields, step in candidates:
            if accumulator in reached:
                continue  # a loss built to backpropagate through once
            if step == "forward" and fields["keep"] == "item" and accumulator in returned:
                continue  # a summed loss handed to the caller to backpropagate through
            self.report(node, fix=fix, **fields)

    def on_backward(self, call, tensor) -> None:
        self.scopes[-1][1].update(_names_in_tree(call))

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
                self._candidate(accumulator, call.args[0].value, call, "detach")

    def _candidate(self, accumulator: str, loss: cst.BaseExpression, node, keep: str) -> None:
        loops = self.ctx.loops
        if not loops or self.ctx.grad_mode is not True or self.ctx.value(loss).kind != LOSS:
            return
        if any(not _accumulates(binding, accumulator) for binding in bindings(loops[-1], accumulator)):
            return  # bound afresh in each iteration: nothing outlives it
        # Only a loop over training or evaluation steps keeps graphs that are done with;
        # a loop over the parts of one loss (heads, codebooks, layers) builds that loss.
        step = "backward" if calls_backward(loops[-1]) else "forward" if runs_model(loops[-1]) else None
        if step is None:
            return
        fields = {"how": self.ctx.text(node, 30), "keep": keep}
        fix = self.fix((loss, call_method(loss, keep)))
        self.scopes[-1][0].append((accumulator, node, fix, fields, step))


def _names_in_tree(node: cst.CSTNode) -> set:
    return {name.value for name in walk(node) if isinstance(name, cst.Name)}


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


def _trains_ast(node: ast.AST) -> bool:
    """A call of backward() or of a callable named like a model, in Python's `ast`."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return name == "backward" or torchapi.MODEL_NAME.search(name) is not None


def _accumulates(binding: cst.CSTNode, name: str) -> bool:
    """`total += x` or `total = total + x`: a binding that carries the old value on."""
    if isinstance(binding, cst.AugAssign):
        return True
    return isinstance(binding, cst.Assign) and name in _names_in_tree(binding.value)


class HiddenStateNotDetached(Rule):
    code = "DET304"
    name = "hidden-state-not-detached"
    message = "{hidden} carries the previous iteration's graph into backward(): detach it each iteration"
    needs = (BACKWARD, LOOP)
    what = (
        "Flags, in a loop that calls `backward()`, a recurrent call such as `out, h = rnn(x, h)` "
        "(a module or a callable named like a model, returning a name it was given) when the loop "
        "never rebinds that name otherwise (`h = h.detach()`, `h = repackage_hidden(h)`, "
        "`h = init_hidden()`) and never calls `h.detach_()`."
    )
    why = (
        "The hidden state returned by the previous iteration is part of the previous iteration's "
        "graph. Feeding it back in without `.detach()` chains the graphs: the next `backward()` "
        "walks into the already-freed graph and raises \"Trying to backward through the graph a "
        "second time\", or, with `retain_graph=True`, backpropagates through the whole history "
        "and grows without bound (truncated backpropagation through time needs the cut)."
    )
    references = ("https://github.com/pytorch/examples/blob/main/word_language_model/main.py",)
    fix_safety = UNSAFE  # the state must be a tensor (or tuple of tensors) by then
    fix_title = "feed the state back detached: `rnn(x, h)` -> `rnn(x, h.detach())`"
    examples = (
        Example(
            bad="""\
import torch

rnn = torch.nn.RNN(2, 3)
h = torch.zeros(1, 1, 3)
for step in range(2):
    out, h = rnn(torch.ones(1, 1, 2), h)  # expect: DET304
    out.sum().backward()
""",
            good="""\
import torch

rnn = torch.nn.RNN(2, 3)
h = torch.zeros(1, 1, 3)
for step in range(2):
    h = h.detach()
    out, h = rnn(torch.ones(1, 1, 2), h)
    out.sum().backward()
""",
            fixed="""\
import torch

rnn = torch.nn.RNN(2, 3)
h = torch.zeros(1, 1, 3)
for step in range(2):
    out, h = rnn(torch.ones(1, 1, 2), h.detach())
    out.sum().backward()
""",
            proof=Raises("RuntimeError", "Trying to backward through the graph a second time"),
        ),
    )

    def on_assign(self, target, value, statement) -> None:
        loops = self.ctx.loops
        if not (loops and isinstance(target, (cst.Tuple, cst.List)) and isinstance(value, cst.Call)):
            return
        if self.ctx.grad_mode is not True or self.ctx.value(value).kind not in CARRIES_GRAPH:
            return
        bound = set(target_names(target))
        fed_back = [
            node
            for arg in value.args
            for node in _names_in(arg.value)
            if node.value in bound and _only_binding(bindings(loops[-1], node.value), statement)
        ]
        if fed_back and calls_backward(loops[-1]):
            replacements = [(node, call_method(node, "detach")) for node in fed_back]
            hidden = ", ".join(sorted({node.value for node in fed_back}))
            self.report(statement, fix=self.fix(*replacements), hidden=hidden)


def _only_binding(found: list, statement: cst.CSTNode) -> bool:
    return len(found) == 1 and found[0] is statement


def _names_in(expr: cst.BaseExpression) -> list:
    """Names passed as they are or inside tuples/lists: `h`, `(h, c)`."""
    if isinstance(expr, cst.Name):
        return [expr]
    if isinstance(expr, (cst.Tuple, cst.List)):
        return [name for element in expr.elements for name in _names_in(element.value)]
    return []


class BackwardTwice(Rule):
    code = "DET406"
    name = "backward-twice"
    message = "backward() through {tensor} again raises RuntimeError: an earlier backward() freed its graph"
    needs = (BACKWARD,)
    what = (
        "Flags a second `backward()` through a graph that an earlier `backward()` without "
        "`retain_graph=True` already ran through: straight-line, or in a loop on a value built "
        "outside it. The graph must be known to hold saved tensors (products, powers, "
        "activations, model and loss outputs)."
    )
    why = (
        "`backward()` frees the tensors that the graph saved for it. A second pass through the "
        "same graph raises \"Trying to backward through the graph a second time\". Compute the "
        "loss anew for each backward pass, or pass `retain_graph=True` to the earlier call if the "
        "double pass is meant."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.Tensor.backward.html",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
loss = (w ** 2).sum()
loss.backward()
loss.backward()  # expect: DET406
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
loss = (w ** 2).sum()
loss.backward(retain_graph=True)
loss.backward()
""",
            proof=Raises("RuntimeError", "Trying to backward through the graph a second time"),
        ),
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
loss = (w ** 2).sum()
for step in range(2):
    loss.backward()  # expect: DET406
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
for step in range(2):
    loss = (w ** 2).sum()
    loss.backward()
""",
            proof=Raises("RuntimeError", "Trying to backward through the graph a second time"),
        ),
    )

    def on_backward(self, call, tensor) -> None:
        value = self.ctx.value(tensor)
        if not value.saves or value.grad is False:
            return
        if value.freed or self._repeats_in_loop(call, tensor):
            self.report(call, tensor=self.ctx.text(tensor))

    def _repeats_in_loop(self, call: cst.Call, tensor: cst.BaseExpression) -> bool:
        """The innermost loop runs this backward() again on a graph built before the loop."""
        loops = self.ctx.loops
        if not loops or not isinstance(tensor, cst.Name) or retains_graph(call):
            return False
        loop = loops[-1]
        if bindings(loop, tensor.value):
            return False
        return not any(isinstance(node, (cst.Break, cst.Return, cst.Raise)) for node in body_nodes(loop))

