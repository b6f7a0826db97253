"""DET422: a model with dropout or batch norm evaluated under no_grad in a file that never calls eval()."""

from __future__ import annotations

import ast
import re

from ..syntax.ast_syntax import FUNCTIONS, dotted, scope_nodes, statements
from ._base import Breaks, Example, FileRule
from ._module_modes import GRAD_OFF, MODULE_MOVES, ModeReader, called_model, is_metric, moded_models

# What switches a module out of training mode: `m.eval()`, `m.train(False)`, `m.train(mode=x)`,
# `m.train(flag)` (any argument), `m.training = ...`. With one of them in the file, only an
# evaluation that follows a train() in the pass of a training loop is reported.
MODE_SWITCH = re.compile(r"\.\s*eval\s*\(|\.\s*train\s*\(\s*[^)\s]|\.\s*training\s*=(?!=)")
BACKWARD = re.compile(r"\.\s*backward\s*\(")
# Words that name held-out data or an evaluation: a function `test()`, `evaluate_model()`, a
# loop over `dev_iter`, `val_loader`, `loaders["test"]`.
HELD_OUT_WORDS = frozenset("test eval evaluate evaluation val valid validate validation dev predict inference".split())
HELD_OUT_TEXT = r"test|eval|val|dev|predict|inference"
# What an evaluation computes from the outputs: predictions, probabilities, a loss or a score.
PREDICTING_CALLS = frozenset("max argmax topk softmax log_softmax sigmoid".split())
SCORE_WORDS = re.compile(r"loss|criterion|accuracy|score|metric", re.IGNORECASE)


class EvaluatedInTrainingMode(FileRule):
    code = "DET422"
    name = "evaluated-in-training-mode"
    message = "{model} is evaluated in training mode ({reason}): dropout/batch norm skew it"
    needs = (BACKWARD.pattern, rf"no_grad|inference_mode|{HELD_OUT_TEXT}")
    what = (
        "Flags the call of a model under `torch.no_grad()` (or `inference_mode`) that computes "
        "a metric there (tensors compared: `pred == labels`, `.eq()`; in a function of the file "
        "called to evaluate, anywhere in it), or in a loop over held-out data (`for batch in "
        "dev_iter:`) or in a function named for evaluation (`test()`, `evaluate_model()`) that "
        "runs no `backward()` nor `step()` and makes predictions, probabilities or a loss of the "
        "outputs, in a file that trains (it calls `backward()`), when "
        "the model holds dropout or batch norm (built from a class of the file or of the project "
        "whose code builds `nn.Dropout`/`nn.BatchNorm*`, an `nn.Sequential` holding one, or a "
        "torchvision model that does) and is in training mode there: the file never switches any "
        "module out of training mode (no `.eval()`, `.train(False)`, `.train(flag)` or "
        "`.training =` anywhere), or the evaluation runs in a training loop's pass after a "
        "statement that switches the model to `train()`, with nothing in between switching it to "
        "eval mode or handing it to code the file cannot see into (calls of the file's functions "
        "and methods followed three deep with their arguments). A model given to a function of "
        "the file as an argument counts when every call of that function passes such a model."
    )
    why = (
        "A module starts in training mode and stays there until `eval()`. `no_grad()` turns off "
        "the graph, not the mode: dropout still drops units at random and batch norm still "
        "normalises each batch with its own statistics (and overwrites the running ones with "
        "test data). The accuracy measured is that of a randomly thinned network, differs from "
        "run to run, and the model used later is not the one evaluated. Call `model.eval()` "
        "before evaluating and `model.train()` before training again."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.eval",)
    examples = (
        Example(
            bad="""\
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 8), nn.Dropout(0.5), nn.Linear(8, 2))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x, y = torch.randn(16, 8), torch.randint(0, 2, (16,))
nn.functional.cross_entropy(model(x), y).backward()
optimizer.step()
with torch.no_grad():
    first = model(x).argmax(1)  # expect: DET422
    second = model(x).argmax(1)
    accuracy = (first == y).float().mean()
""",
            good="""\
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 8), nn.Dropout(0.5), nn.Linear(8, 2))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x, y = torch.randn(16, 8), torch.randint(0, 2, (16,))
nn.functional.cross_entropy(model(x), y).backward()
optimizer.step()
model.eval()
with torch.no_grad():
    first = model(x).argmax(1)
    second = model(x).argmax(1)
    accuracy = (first == y).float().mean()
""",
            # Evaluated twice, the same inputs give the same predictions only in eval mode.
            proof=Breaks("not model.training and torch.equal(first, second)"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        if not BACKWARD.search(index.source):
            return []  # nothing trained here
        moded = moded_models(index)
        if not moded:
            return []
        if MODE_SWITCH.search(index.source):
            return _evaluated_after_train(index, moded)
        passed = _parameters_given_models(index.tree, moded)
        found: dict = {}
        blocks = [(function, block, is_metric) for function, block in _grad_off_blocks(index)]
        blocks += [(function, block, _evaluates) for function, block in _evaluation_blocks(index.tree)]
        for function, block, measures in blocks:
            names = moded | passed.get(id(function), set())
            nodes = list(scope_nodes(block, skip_definitions=True))
            if not any(measures(node) for node in nodes):
                continue
            calls = [node for node in nodes if isinstance(node, ast.Call) and dotted(called_model(node)) in names]
            if calls:
                first = min(calls, key=lambda call: (call.lineno, call.col_offset))
                fields = {"model": dotted(called_model(first)), "reason": "no eval() in this file"}
                found.setdefault(id(first), (first, fields))
        return sorted(found.values(), key=lambda item: (item[0].lineno, item[0].col_offset))


def _evaluated_after_train(index, moded: set) -> list:
    """The evaluations in a training loop that run after a statement of its pass switches the
    model to training mode, with nothing between switching it to eval mode."""
    reader = ModeReader(index)
    found: dict = {}
    # Training loops only: `model.train()` before a no_grad forward elsewhere may be MC dropout.
    for _, owner, function, switches in reader.training_loops():
        for call, model in switches.evaluated_in_training_mode():
            origins = reader.origins(model, function, owner)
            if origins and all(name in moded for name in origins):
                reason = "the loop's train() before it is still in force"
                found.setdefault(id(call), (call, {"model": dotted(called_model(call)), "reason": reason}))
    return sorted(found.values(), key=lambda item: (item[0].lineno, item[0].col_offset))


def _unmoved_model(argument: ast.expr) -> ast.expr:
    """`model` for `model.to(device)`, `model.cuda()`: the module itself is what is passed."""
    while isinstance(argument, ast.Call) and isinstance(argument.func, ast.Attribute) and (
        argument.func.attr in MODULE_MOVES
    ):
        argument = argument.func.value
    return argument


def _evaluation_blocks(tree: ast.Module):
    """(enclosing function or None, body) of each loop over data that calls no `backward()`
    nor `step()`, where the data is held out (`for x, y in val_loader:`) or the function is
    named for evaluation (`def test(model, loader):`, `evaluate_model`): a pass over a dataset
    (a helper such as `evaluate_actions(x)`, which runs no loop, is part of a training step)."""
    stack = [(node, None) for node in tree.body]
    while stack:
        node, function = stack.pop()
        if isinstance(node, FUNCTIONS):
            function = node
        elif isinstance(node, (ast.For, ast.AsyncFor)) and not _trains(node.body) and (
            _held_out(_words_of(node.iter))
            or function is not None and _held_out(re.split(r"_+", function.name.lower()))
        ):
            yield function, node.body
        for block in ("body", "orelse", "finalbody"):
            stack.extend((child, function) for child in getattr(node, block, None) or [])
        for clause in (*getattr(node, "handlers", ()), *getattr(node, "cases", ())):
            stack.extend((child, function) for child in clause.body)


def _held_out(words) -> bool:
    return any(word in HELD_OUT_WORDS for word in words)


def _words_of(expr: ast.expr) -> list:
    """The words of the names, attributes and strings of an expression (`dev_iter` -> dev, iter)."""
    words = []
    for node in ast.walk(expr):
        text = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else (
            node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else "")
        words += re.split(r"[_\W]+", text.lower())
    return words


def _trains(body: list) -> bool:
    """Whether the statements call `backward()` or `step()` (not in nested definitions)."""
    return any(
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("backward", "step")
        for node in scope_nodes(body, skip_definitions=True)
    )


def _evaluates(node: ast.AST) -> bool:
    """A metric, or predictions, probabilities, a loss or a score made (`torch.max(out, 1)`,
    `out.argmax(1)`, `criterion(out, y)`, `accuracy(out, y)`)."""
    if is_metric(node):
        return True
    if not isinstance(node, ast.Call):
        return False
    name = dotted(node.func) or (node.func.attr if isinstance(node.func, ast.Attribute) else "")
    last = name.rpartition(".")[2]
    return last in PREDICTING_CALLS or bool(SCORE_WORDS.search(last))


def _parameters_given_models(tree: ast.Module, moded: set) -> dict:
    """id(function) -> its parameters that every call of it in the file gives a model of `moded`."""
    functions = {node.name: node for node in statements(tree.body) if isinstance(node, FUNCTIONS)}
    given: dict = {}
    for node in scope_nodes(tree.body):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in functions:
            function = functions[node.func.id]
            params = [a.arg for a in function.args.args]
            for position, param in enumerate(params):
                argument = node.args[position] if position < len(node.args) else next(
                    (k.value for k in node.keywords if k.arg == param), None)
                if argument is None:
                    continue
                given.setdefault((id(function), param), []).append(dotted(_unmoved_model(argument)) in moded)
    found: dict = {}
    for (function, param), moded_each in given.items():
        if all(moded_each):
            found.setdefault(function, set()).add(param)
    return found


def _grad_off_blocks(index):
    """(enclosing function or None, body) of each `with torch.no_grad():` block, and the body of
    each function decorated with `@torch.no_grad()`."""
    stack = [(node, None) for node in index.tree.body]
    while stack:
        node, function = stack.pop()
        if isinstance(node, FUNCTIONS):
            if any(index.imports.qualname_of_dotted(dotted(d.func if isinstance(d, ast.Call) else d)) in GRAD_OFF
                   for d in node.decorator_list):
                yield node, node.body
                continue
            function = node
        if isinstance(node, (ast.With, ast.AsyncWith)) and any(
            isinstance(item.context_expr, ast.Call)
            and index.imports.qualname_of_dotted(dotted(item.context_expr.func)) in GRAD_OFF
            for item in node.items
        ):
            yield function, node.body
            continue
        for block in ("body", "orelse", "finalbody"):
            stack.extend((child, function) for child in getattr(node, block, None) or [])
        for clause in (*getattr(node, "handlers", ()), *getattr(node, "cases", ())):
            stack.extend((child, function) for child in clause.body)
