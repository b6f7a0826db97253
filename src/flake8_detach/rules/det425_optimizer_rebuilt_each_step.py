"""DET425: a stateful optimizer built anew in every pass of the loop that steps it."""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from ..syntax.ast_syntax import FUNCTIONS, LOOPS, dotted, function_scopes, statements
from ._base import LOOP, Breaks, Example, FileRule

# torch.optim's optimizers that keep state between steps (moments, step counts, step sizes);
# SGD keeps a momentum buffer only where momentum is given.
STATEFUL = frozenset(
    "ASGD Adadelta Adafactor Adagrad Adam AdamW Adamax LBFGS NAdam RAdam RMSprop Rprop SparseAdam".split()
)


class OptimizerRebuiltEachStep(FileRule):
    code = "DET425"
    name = "optimizer-rebuilt-each-step"
    message = "{name} is a new {optimizer} in every pass that steps it: its state starts over at each step()"
    needs = (r"\bstep\s*\(", LOOP, r"optim")
    what = (
        "Flags `optimizer = torch.optim.Adam(params, ...)` (any torch optimizer that keeps state: "
        "Adam and its kin, RMSprop, Adagrad, Adadelta, Rprop, ASGD, LBFGS, and SGD given a "
        "momentum) built in the body of a loop whose same pass calls its `step()`, outside any "
        "loop nested in it, where the parameters it is given are not built anew in that pass and "
        "no `load_state_dict()` restores its state."
    )
    why = (
        "An optimizer's state lives in the object: Adam's running moments and step count, "
        "SGD's momentum buffer. Built again before every step, each step is the first one: Adam "
        "moves every weight by about `lr` in the sign of its gradient whatever its size, momentum "
        "never builds up, a learning-rate schedule bound to the old object is lost. The loss goes "
        "down differently from what the hyper-parameters say, without an error. Build the "
        "optimizer once, before the loop (change `param_group['lr']` to change the rate)."
    )
    references = ("https://pytorch.org/docs/stable/optim.html",)
    examples = (
        Example(
            bad="""\
import torch

torch.manual_seed(0)
w = torch.nn.Parameter(torch.zeros(2))
for x in [torch.ones(2), torch.ones(2), torch.ones(2)]:
    optimizer = torch.optim.Adam([w], lr=0.1)  # expect: DET425
    optimizer.zero_grad()
    ((w - x) ** 2).sum().backward()
    optimizer.step()
""",
            good="""\
import torch

torch.manual_seed(0)
w = torch.nn.Parameter(torch.zeros(2))
optimizer = torch.optim.Adam([w], lr=0.1)
for x in [torch.ones(2), torch.ones(2), torch.ones(2)]:
    optimizer.zero_grad()
    ((w - x) ** 2).sum().backward()
    optimizer.step()
""",
            proof=Breaks("int(optimizer.state[w]['step']) == 3"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        found = []
        for scope in function_scopes(index.tree):
            for loop in statements(scope.body, skip_definitions=True):
                if not isinstance(loop, LOOPS):
                    continue
                for statement in _pass_statements(loop.body):
                    built = _stateful_construction(statement, index)
                    if built is None:
                        continue
                    name, optimizer = built
                    if _steps_in_pass(loop.body, name) and not _renewed_in_pass(loop.body, statement, name):
                        found.append((statement, {"name": name, "optimizer": optimizer}))
        return found


def _pass_statements(body: list) -> Iterator[ast.stmt]:
    """The statements of a loop's body that run in every pass: its own and those of `with` blocks."""
    for node in body:
        yield node
        if isinstance(node, (ast.With, ast.AsyncWith)):
            yield from _pass_statements(node.body)


def _stateful_construction(statement: ast.stmt, index) -> Optional[tuple]:
    """(name, optimizer class) for `name = torch.optim.<stateful>(...)`."""
    if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.value, ast.Call)):
        return None
    name = dotted(statement.targets[0])
    call = statement.value
    qualname = index.imports.qualname_of_dotted(dotted(call.func)) or ""
    head, _, last = qualname.rpartition(".")
    if name is None or head not in ("torch.optim", f"torch.optim.{last.lower()}") or not call.args:
        return None
    if last == "SGD":
        momentum = next((k.value for k in call.keywords if k.arg == "momentum"), call.args[2] if len(call.args) > 2 else None)
        if not (isinstance(momentum, ast.Constant) and isinstance(momentum.value, (int, float)) and momentum.value):
            return None
    elif last not in STATEFUL:
        return None
    return name, last


def _steps_in_pass(body: list, name: str) -> bool:
    """`name.step()` in the body, not inside a loop or function nested in it."""
    return any(
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "step"
        and dotted(node.func.value) == name
        for node in _pass_nodes(body)
    )


def _renewed_in_pass(body: list, construction: ast.Assign, name: str) -> bool:
    """Whether the pass builds what the optimizer updates (a new model, new tensors: a fresh
    run each pass) or restores the optimizer's state with `load_state_dict()`."""
    params = construction.value.args[0]
    read = {node.id for node in ast.walk(params) if isinstance(node, ast.Name)}
    for node in _pass_nodes(body):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id in read:
            return True
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "load_state_dict"
                and dotted(node.func.value) == name):
            return True
    return False


def _pass_nodes(body: list) -> Iterator[ast.AST]:
    """Every node of the body, not entering loops or functions nested in it."""
    stack = list(reversed(body))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (*LOOPS, *FUNCTIONS, ast.ClassDef, ast.Lambda)):
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))
