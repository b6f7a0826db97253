"""What each loop of a file does to gradients, read once on its `ast`: where `backward()` runs,
whether an optimizer (or a hand update of a parameter with its `.grad`) steps, and whether
anything resets gradients, following calls of the file's own functions. DET420 reads it."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from typing import Optional

from ..syntax.ast_syntax import FUNCTIONS, LOOPS, dotted
from ._leaves import builds_module_or_parameter
from ._shared_grads import GRAD_ATTRIBUTES

HELPER_DEPTH = 3  # calls followed into the file's functions
# A call the file cannot see into, named like gradient clearing: it may reset them.
CLEARING_NAME = re.compile(r"(?i)zero|reset|clear|clean")
# In-place methods that move a parameter by its gradient (`p.data.add_(-lr, p.grad.data)`).
UPDATE_METHODS = frozenset(("add_", "sub_", "addcdiv_", "addcmul_", "copy_", "mul_", "div_"))


@dataclass
class Unit:
    """A function or a loop: what its own code does (not counting nested loops and functions)."""

    node: ast.AST
    owner: Optional[str]  # the class of a method (and of everything inside it)
    backwards: list = field(default_factory=list)  # its backward() calls
    step_receivers: list = field(default_factory=list)  # dotted receivers of `x.step()` without arguments
    stepped_arguments: list = field(default_factory=list)  # dotted arguments of `x.step(y)` (a GradScaler's)
    hand_update: bool = False  # a parameter moved in place by its own `.grad`
    resets: bool = False  # its own code resets gradients, or may: a clearing-named call, a module built anew
    callees: list = field(default_factory=list)  # (call or name node, key of a function of the file)
    passed: list = field(default_factory=list)  # (key or None, dotted arguments) of each call not into torch
    loops: list = field(default_factory=list)  # the loops directly inside
    # Over the unit, its nested loops and the functions it calls (filled by `Cycle`).
    runs_backward: bool = False
    steps: bool = False
    clears: bool = False


class Cycle:
    """The loops and functions of one file with their gradient events."""

    def __init__(self, index) -> None:
        self.index = index
        self.functions: dict = {}  # key (owner class or None, name) -> [Unit]
        self.units: list = []  # in pre-order: a unit before those inside it
        self.optimizers: set = set()  # dotted names bound to a torch optimizer
        self.zeroed: set = set()  # dotted receivers of `zero_grad()` (optimizers or modules)
        self._read(index.tree)
        self._aggregate()

    # ---- reading -------------------------------------------------------------------------

    def _read(self, tree: ast.Module) -> None:
        root = Unit(tree, None)
        self.units.append(root)
        stack = [(child, root) for child in reversed(tree.body)]
        while stack:
            node, unit = stack.pop()
            if isinstance(node, ast.ClassDef):
                inner = Unit(node, node.name)  # class bodies are read as their own scope
                stack.extend((child, inner) for child in reversed(node.body))
                continue
            if isinstance(node, (*FUNCTIONS, *LOOPS)):
                inner = Unit(node, unit.owner)
                self.units.append(inner)
                if isinstance(node, FUNCTIONS):
                    method_of = unit.owner if isinstance(unit.node, ast.ClassDef) else None
                    self.functions.setdefault((method_of, node.name), []).append(inner)
                else:
                    unit.loops.append(inner)
                    for part in (node.iter, node.target) if not isinstance(node, ast.While) else (node.test,):
                        stack.append((part, unit))
                body = node.body + (node.orelse if isinstance(node, LOOPS) else [])
                stack.extend((child, inner) for child in reversed(body))
                continue
            self._note(node, unit)
            stack.extend((child, unit) for child in reversed(list(ast.iter_child_nodes(node))))

    def _note(self, node: ast.AST, unit: Unit) -> None:
        if isinstance(node, ast.Call):
            self._note_call(node, unit)
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            if any(touches_grad(target) for target in targets):
                unit.resets = True
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and self._builds_optimizer(node.value):
                self.optimizers.update(name for name in map(dotted, node.targets) if name)
            if isinstance(node, ast.AugAssign) and _moves_by_own_grad(node.target, node.value):
                unit.hand_update = True
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Attribute) and t.attr == "data" and _moves_by_own_grad(t, node.value) for t in node.targets
            ):
                unit.hand_update = True
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            unit.callees.append((node, (None, node.id)))  # a function of the file passed on (a closure)
        elif isinstance(node, ast.Attribute) and node.attr == "zero_grad":
            unit.resets = True  # called, or named without the call (DET414 reports that one)

    def _note_call(self, call: ast.Call, unit: Unit) -> None:
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        receiver = dotted(func.value) if isinstance(func, ast.Attribute) else None
        qualname = self.index.imports.qualname_of_dotted(dotted(func)) or ""
        if name == "backward" and isinstance(func, ast.Attribute):
            unit.backwards.append(call)
        elif name == "zero_grad":
            unit.resets = True
            if receiver:
                self.zeroed.add(receiver)
        elif name == "step" and receiver:
            if not call.args and all(keyword.arg == "closure" for keyword in call.keywords):
                unit.step_receivers.append(receiver)
            else:
                unit.stepped_arguments.extend(filter(None, map(dotted, call.args)))
        elif isinstance(func, ast.Attribute) and name in UPDATE_METHODS and _moves_by_own_grad(func.value, *call.args):
            unit.hand_update = True
        elif isinstance(func, ast.Attribute) and name.endswith("_") and touches_grad(func.value):
            unit.resets = True  # `p.grad.zero_()`, `p.grad.data.fill_(0)`
        if self._builds_module(call):
            unit.resets = True  # new parameters start without gradients
        key = None
        if isinstance(func, ast.Name):
            key = (None, func.id)
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self":
            key = (unit.owner, func.attr)
        if key is not None:
            unit.callees.append((call, key))
        if not qualname.startswith("torch."):
            if CLEARING_NAME.search(name) and name != "zero_grad":
                unit.resets = True
            unit.passed.append((key, [dotted(arg) for arg in (*call.args, *(k.value for k in call.keywords))]))

    def _builds_optimizer(self, call: ast.Call) -> bool:
        qualname = self.index.imports.qualname_of_dotted(dotted(call.func)) or ""
        last = qualname.rpartition(".")[2]
        if qualname.startswith("torch.optim.") and "lr_scheduler" not in qualname and last[:1].isupper():
            return True
        facts = self.index.classes.get(dotted(call.func) or "")
        return facts is not None and any(base and base.startswith("torch.optim.") for base in facts.bases)

    def _builds_module(self, call: ast.Call) -> bool:
        """A torch.nn class, a module class of the file or the project, or `copy.deepcopy`
        (the import table knows torch's names only, so the copy is read by its spelling)."""
        name = dotted(call.func)
        if builds_module_or_parameter(call, self.index.imports) or name in ("copy.deepcopy", "deepcopy"):
            return True
        return name in self.index.module_classes or self.index.imported_kind(name) == "module"

    # ---- aggregating ---------------------------------------------------------------------

    def _aggregate(self) -> None:
        # Optimizers by construction, or by use: a receiver of both `step()` and `zero_grad()`.
        optimizers = self.optimizers | self.zeroed
        own = {}
        for unit in self.units:
            steps = unit.hand_update or any(name in optimizers for name in unit.step_receivers) or any(
                name in self.optimizers for name in unit.stepped_arguments
            )
            # An optimizer handed to code the file cannot see into may be zeroed there.
            resets = unit.resets or any(
                key not in self.functions and any(name in optimizers for name in names) for key, names in unit.passed
            )
            own[id(unit)] = (steps, resets)
        for _ in range(HELPER_DEPTH):
            for unit in reversed(self.units):  # nested loops before the unit holding them
                steps, resets = own[id(unit)]
                inner = [*unit.loops, *(u for _, key in unit.callees for u in self.functions.get(key, ()) if u is not unit)]
                unit.runs_backward = bool(unit.backwards) or any(u.runs_backward for u in inner)
                unit.steps = steps or any(u.steps for u in inner)
                unit.clears = resets or any(u.clears for u in inner)

    # ---- asking --------------------------------------------------------------------------

    def backwards_never_zeroed(self) -> list:
        """The backward() calls (and calls of the file's functions that run one) in loops that
        run backward() and step on every pass and reset no gradient; each loop's nested loops
        are read once, inner loops first."""
        sites, read = [], set()
        for unit in reversed(self.units):
            if not (isinstance(unit.node, LOOPS) and unit.runs_backward and unit.steps and not unit.clears):
                continue
            if runs_once(unit.node):
                continue
            stack = [unit]
            while stack:
                current = stack.pop()
                if id(current) in read:
                    continue
                read.add(id(current))
                sites.extend(current.backwards)
                sites.extend(
                    call for call, key in current.callees
                    if isinstance(call, ast.Call) and any(u.runs_backward for u in self.functions.get(key, ()))
                )
                stack.extend(current.loops)
        return sorted(sites, key=lambda node: (node.lineno, node.col_offset))


def touches_grad(expr: ast.expr) -> bool:
    """Whether `expr` is, or reads through, a `.grad` attribute (`p.grad`, `p.grad.data[0]`)."""
    while isinstance(expr, (ast.Attribute, ast.Subscript)):
        if isinstance(expr, ast.Attribute) and expr.attr in GRAD_ATTRIBUTES:
            return True
        expr = expr.value
    return False


def _root(expr: ast.expr) -> Optional[str]:
    while isinstance(expr, (ast.Attribute, ast.Subscript)):
        expr = expr.value
    return expr.id if isinstance(expr, ast.Name) else None


def _moves_by_own_grad(target: ast.expr, *values: ast.expr) -> bool:
    """Whether `values` read `<root>.grad` where `target` is rooted at the same name: the
    parameter itself moved by its gradient (`w -= lr * w.grad`, `p.data.add_(-lr, p.grad)`)."""
    root = _root(target)
    if root is None:
        return False
    return any(
        isinstance(node, ast.Attribute) and node.attr in GRAD_ATTRIBUTES and _root(node.value) == root
        for value in values for node in ast.walk(value)
    )


def runs_once(loop: ast.AST) -> bool:
    """`for _ in range(1)` or over a one-element display."""
    if not isinstance(loop, (ast.For, ast.AsyncFor)):
        return False
    it = loop.iter
    if isinstance(it, (ast.List, ast.Tuple)):
        return len(it.elts) <= 1
    return (isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "range"
            and len(it.args) == 1 and isinstance(it.args[0], ast.Constant) and it.args[0].value in (0, 1))
