"""DET426: an optimizer's `step()` reached from a `zero_grad()` without a `backward()` between."""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ..syntax.ast_syntax import FUNCTIONS, LOOPS, dotted, function_scopes, parameter_names, scope_nodes
from ._base import Breaks, Example, FileRule
from ._gradient_cycle import touches_grad

HELPER_DEPTH = 3  # calls followed into the file's functions
WALK_LIMIT = 200  # statements read back from a step: bounded work per step keeps the rule linear
# Libraries whose functions never put gradients into `.grad` (calls into other imported code may).
INERT_LIBRARIES = frozenset(
    """collections copy datetime functools itertools json logging math matplotlib np numpy os pandas pd plt
    random sys time tqdm warnings""".split()
)

# What a parameter that is called is, where its use or name says so: a module's forward or a
# loss function computes no gradient.
MODULE_METHODS = frozenset(
    "parameters named_parameters train eval zero_grad to cuda cpu state_dict modules children".split()
)
MODULE_OR_LOSS_NAME = re.compile(r"(?i)model|net|loss|criterion|crit$|encoder|decoder|generator|discriminator")


class StepAfterGradientsCleared(FileRule):
    code = "DET426"
    name = "step-after-gradients-cleared"
    message = "{step} follows {reset} with no backward() between: it steps on no gradient"
    needs = (r"zero_grad\s*\(", r"\bstep\s*\(")
    what = (
        "Flags an optimizer's `step()` whose last gradient event before it, on the path the code "
        "runs (in a loop, around the loop from its end), is a `zero_grad()` of that optimizer or "
        "of a module it updates: `loss.backward(); optimizer.zero_grad(); optimizer.step()`, or "
        "`optimizer.zero_grad(); ...; optimizer.step(); loss.backward()`. A `backward()` "
        "(any call named so), a write to a `.grad`, a call of the file's functions that does "
        "either, of a function passed in (`closure()`), or into code the file cannot see, "
        "between them keeps it quiet; so does a reset that runs only under a condition, or a "
        "loop (a scope, outside loops) where nothing computes gradients at all."
    )
    why = (
        "`zero_grad()` sets every gradient of the optimizer's parameters to None (to zero with "
        "`set_to_none=False`). A `step()` that follows it before any `backward()` finds no "
        "gradient and skips the parameters (or applies a zero one): the gradients "
        "`backward()` computed are thrown away before any step uses them, and the model never "
        "trains, without an error. Reset before `backward()`: `zero_grad()`, `backward()`, "
        "`step()`."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.optim.Optimizer.zero_grad.html",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([w], lr=0.1)
for x in [torch.ones(1), torch.ones(1)]:
    loss = ((w - x) ** 2).sum()
    loss.backward()
    optimizer.zero_grad()
    optimizer.step()  # expect: DET426
""",
            good="""\
import torch

w = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([w], lr=0.1)
for x in [torch.ones(1), torch.ones(1)]:
    optimizer.zero_grad()
    loss = ((w - x) ** 2).sum()
    loss.backward()
    optimizer.step()
""",
            # Two plain SGD steps towards 1 from 0: 0.2, then 0.2 + 0.1 * 2 * 0.8 = 0.36.
            proof=Breaks("abs(w.item() - 0.36) < 1e-6"),
        ),
        Example(
            bad="""\
import torch

w = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([w], lr=0.1)
for x in [torch.ones(1), torch.ones(1)]:
    optimizer.zero_grad()
    loss = ((w - x) ** 2).sum()
    optimizer.step()  # expect: DET426
    loss.backward()
""",
            good="""\
import torch

w = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([w], lr=0.1)
for x in [torch.ones(1), torch.ones(1)]:
    optimizer.zero_grad()
    loss = ((w - x) ** 2).sum()
    loss.backward()
    optimizer.step()
""",
            proof=Breaks("abs(w.item() - 0.36) < 1e-6"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        optimizers = _optimizers(index)
        if not optimizers:
            return []
        producing_functions = _producing_functions(index)
        found = []
        for scope in function_scopes(index.tree):
            events = Events(index, producing_functions | _callables_passed_in(scope))
            for path in _step_paths(scope.body):
                step = path[-1][0][path[-1][1]]
                name = dotted(step.value.func.value)
                if name not in optimizers:
                    continue
                reset = _last_event_is_reset(path, optimizers[name], events)
                # Gradients thrown away: some code around the step computes them (a demo of a
                # scheduler stepping a dummy optimizer computes none).
                if reset is not None and events.region_gives(_region(scope, path)):
                    found.append((step, {"step": f"{name}.step()", "reset": reset}))
        return found


class Events:
    """What the statements of one scope do to gradients, each read once: whether it may give
    gradients, and the receivers of the `zero_grad()` statements in it."""

    def __init__(self, index, producing: set) -> None:
        self.index, self.producing = index, producing
        self._gives: dict = {}
        self._resets: dict = {}

    def gives(self, node: ast.AST) -> bool:
        if id(node) not in self._gives:
            self._gives[id(node)] = any(
                _gives_gradients(inner, self.index, self.producing) for inner in scope_nodes([node], skip_definitions=True)
            )
        return self._gives[id(node)]

    def region_gives(self, region: ast.AST) -> bool:
        """Whether a loop, or a scope's body, may give gradients anywhere in it."""
        if id(region) not in self._gives:
            body = region.body if isinstance(region, (ast.Module, *FUNCTIONS)) else [region]
            self._gives[id(region)] = any(map(self.gives, body))
        return self._gives[id(region)]

    def resets(self, node: ast.AST) -> set:
        if id(node) not in self._resets:
            self._resets[id(node)] = {
                dotted(inner.value.func.value) for inner in scope_nodes([node], skip_definitions=True)
                if isinstance(inner, ast.Expr) and _is_call_of(inner.value, "zero_grad")
            }
        return self._resets[id(node)]


def _optimizers(index) -> dict:
    """dotted name -> the modules whose parameters it updates (empty where unknown), for names
    bound to a torch optimizer, or both stepped and zero_grad()-ed in the file."""
    stepped = {
        dotted(node.func.value) for node in ast.walk(index.tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "step"
    }
    return {**dict.fromkeys((stepped & index.zero_grad_receivers) - {None}, frozenset()), **index.optimizer_modules}


def _callables_passed_in(scope: ast.AST) -> frozenset:
    """A function's parameters that it calls and that nothing shows to be a module or a loss
    (`closure()`, `train_step(batch)`): they may run backward()."""
    if not isinstance(scope, FUNCTIONS):
        return frozenset()
    parameters = parameter_names(scope)
    used_as_module = {
        node.value.id for node in scope_nodes(scope.body, skip_definitions=True)
        if isinstance(node, ast.Attribute) and node.attr in MODULE_METHODS and isinstance(node.value, ast.Name)
    }
    return frozenset(name for name in parameters - used_as_module if not MODULE_OR_LOSS_NAME.search(name))


def _region(scope: ast.AST, path: tuple) -> ast.AST:
    """The innermost loop around the step, or its scope."""
    loops = [owner for _, _, owner in path if isinstance(owner, LOOPS)]
    return loops[-1] if loops else scope


def _step_paths(body: list, path: tuple = ()) -> Iterator[tuple]:
    """For each `x.step()` statement (no arguments: a closure would run backward itself), the
    path to it: ((block, index, owner), ...) from the scope's body down to its own block."""
    for position, node in enumerate(body):
        here = (*path, (body, position, None))
        if isinstance(node, ast.Expr) and _is_call_of(node.value, "step") and not node.value.args and not node.value.keywords:
            yield here
        elif isinstance(node, (ast.If, ast.With, ast.AsyncWith, ast.Try, *LOOPS)):
            for block in _blocks(node):
                yield from _step_paths(block, (*path, (body, position, node)))


def _blocks(node: ast.AST) -> list:
    if isinstance(node, ast.Try):
        return [node.body, *(handler.body for handler in node.handlers), node.orelse, node.finalbody]
    return [node.body, getattr(node, "orelse", [])]


def _last_event_is_reset(path: tuple, modules: frozenset, events: Events) -> Optional[str]:
    """How the reset reads (`optimizer.zero_grad()`) if, walking back from the step along the
    code that surely ran before it (WALK_LIMIT statements at most), the first gradient event
    met is an unconditional reset of this optimizer's gradients; None where it is a
    backward(), anything that may give gradients, a reset under a condition, or nothing."""
    step = path[-1][0][path[-1][1]]
    optimizer = dotted(step.value.func.value)
    for count, (node, conditional) in enumerate(_walk_back(path)):
        if count == WALK_LIMIT:
            return None
        reset = _reset_of(node, optimizer, modules)
        if reset is not None:
            return None if conditional else reset
        if events.gives(node):
            return None
        if isinstance(node, (ast.If, ast.Try, *LOOPS)) and any(
            receiver == optimizer or any(_related(receiver, module) for module in modules) for receiver in events.resets(node)
        ):
            return None
    return None


def _walk_back(path: tuple) -> Iterator[tuple]:
    """The statements before the step, latest first, with whether each ran only under a
    condition; `with` bodies are entered. In a loop, around the loop: its body's statements
    after the step's, then those of the blocks inside it after the step (conditional)."""
    for level in range(len(path) - 1, -1, -1):
        block, position, _ = path[level]
        for node in reversed(block[:position]):
            yield from _entered(node, False)
        owner = path[level - 1][2] if level else None
        if isinstance(owner, LOOPS) and block is owner.body:
            yield from _around(path[level:])
            return
        if owner is None:
            return
        if block is not owner.body and isinstance(owner, (ast.Try, *LOOPS)):
            yield owner, True  # a try's or loop's body ran (in part) before its other blocks


def _around(path: tuple) -> Iterator[tuple]:
    """The statements after the step in each block from the loop's body inward, latest first."""
    for depth, (block, position, _) in enumerate(path):
        for node in reversed(block[position + 1:]):
            yield from _entered(node, depth > 0)


def _entered(node: ast.AST, conditional: bool) -> Iterator[tuple]:
    if isinstance(node, (ast.With, ast.AsyncWith)):
        for inner in reversed(node.body):
            yield from _entered(inner, conditional)
    else:
        yield node, conditional


def _reset_of(node: ast.AST, optimizer: str, modules: frozenset) -> Optional[str]:
    """`x.zero_grad()` as a statement, of the optimizer or of a module it updates."""
    if not (isinstance(node, ast.Expr) and _is_call_of(node.value, "zero_grad")):
        return None
    receiver = dotted(node.value.func.value)
    if receiver == optimizer or any(_related(receiver, module) for module in modules):
        return f"{receiver}.zero_grad()"
    return None


def _related(receiver: Optional[str], module: str) -> bool:
    """The same module, or one holding the other (`model.zero_grad()` resets `model.head`'s)."""
    return receiver is not None and (receiver == module or module.startswith(receiver + ".") or receiver.startswith(module + "."))


def _is_call_of(expr: ast.AST, method: str) -> bool:
    return isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == method


def _gives_gradients(node: ast.AST, index, producing: set) -> bool:
    """Whether `node` may put gradients into `.grad`: a call named like backward, a write to a
    `.grad`, a call of the file's functions that does, or of code the file cannot see into."""
    if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return any(touches_grad(target) for target in targets)
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if "backward" in name:
        return True
    if isinstance(func, ast.Attribute) and name.endswith("_") and touches_grad(func.value):
        return True  # `p.grad.copy_(g)`
    if isinstance(func, ast.Name):
        return func.id in producing or _unseen(func.id, index)
    root = func
    while isinstance(root, ast.Attribute):
        root = root.value
    if isinstance(root, ast.Name) and root.id == "self" and isinstance(func.value, ast.Name):
        return name in producing  # `self.train_step()`
    return isinstance(root, ast.Name) and _unseen(root.id, index)


def _unseen(name: str, index) -> bool:
    """A function imported from code the file cannot see (a class is built, not run: it gives none)."""
    return name in index.imports.foreign and name not in INERT_LIBRARIES and not name[:1].isupper()


def _producing_functions(index) -> set:
    """Names of the file's functions and methods that may give gradients, following their
    calls of each other (HELPER_DEPTH rounds)."""
    functions = [node for node in ast.walk(index.tree) if isinstance(node, FUNCTIONS)]
    producing: set = set()
    for _ in range(HELPER_DEPTH):
        grown = {
            function.name for function in functions
            if function.name not in producing
            and any(_gives_gradients(node, index, producing) for node in scope_nodes(function.body, skip_definitions=True))
        }
        if not grown:
            break
        producing |= grown
    return producing
