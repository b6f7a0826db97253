"""Training and evaluation mode of a file's models: which models hold layers whose output
depends on the mode, which ones an optimizer trains, and what each loop switches (`eval()`,
`train()`), following calls of the file's own functions and methods with their arguments.
DET422 and DET423 read it."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from typing import Optional

from .. import torchapi
from ..analysis import project
from ..analysis.file_index import project_index
from ..analysis.project import MODE_LAYERS
from ..analysis.summaries import optimized_modules
from ._gradient_cycle import runs_once
from ..syntax.ast_syntax import FUNCTIONS, LOOPS, bound_names, dotted, parameter_names, statements

# torchvision constructors of models holding batch norm or dropout.
TORCHVISION_MODELS = re.compile(
    r"^(?:torchvision\.)?models\.(?:resnet\w*|resnext\w*|wide_resnet\w*|vgg\w*_bn|vgg\d+|densenet\w*|"
    r"inception\w*|googlenet|alexnet|mobilenet\w*|efficientnet\w*|shufflenet\w*|mnasnet\w*|squeezenet\w*)$"
)
MODULE_MOVES = frozenset(("to", "cuda", "cpu", "float", "double", "half"))
WRAPPERS = frozenset(("torch.nn.DataParallel", "torch.nn.parallel.DistributedDataParallel",
                      "torch.nn.parallel.DataParallel"))
GRAD_OFF = frozenset(name for name, mode in torchapi.GRAD_MODE_SETTERS.items() if mode is False)
HELPER_DEPTH = 3  # calls followed into the file's functions
CLASS_DEPTH = 5  # classes followed into the submodules they build
# Methods of a module that cannot switch its mode; any other method of it may (a class's own
# `fit()`, `apply(fn)`).
MODE_KEEPING_METHODS = frozenset((
    "parameters", "named_parameters", "buffers", "named_buffers", "children", "named_children", "modules",
    "named_modules", "state_dict", "load_state_dict", "zero_grad", "forward", "to", "cuda", "cpu", "float",
    "double", "half", "requires_grad_", "register_buffer", "register_parameter", "get_parameter", "size",
))
# A method the file does not define, named like one that runs training (and may switch modes).
TRAINING_NAME = re.compile(r"(?i)train|fit|learn|epoch|run|step|update|optimi[sz]e|(?:^|_)mode(?:$|_)")
MODE_SWITCH = re.compile(r"\.\s*(?:eval|train)\s*\(|\.\s*training\s*=(?!=)")
# Builtins that take a model without switching its mode.
BATCH_NORM = re.compile(r"\b(?:BatchNorm[123]d|SyncBatchNorm)\s*\(")
# forward() parameters by which a module switches its dropout itself.
TRAINING_FLAGS = frozenset(("is_training", "training", "is_train", "train", "train_mode"))
PLAIN_BUILTINS = frozenset(("print", "len", "isinstance", "str", "repr", "type", "id", "getattr", "hasattr",
                            "format", "sum", "list", "iter", "next", "enumerate", "zip", "vars"))


def unmoved(call: ast.Call) -> ast.Call:
    """The construction under `.to(device)` / `.cuda()` (`Net().to(device)`)."""
    while (isinstance(call.func, ast.Attribute) and call.func.attr in MODULE_MOVES
           and isinstance(call.func.value, ast.Call)):
        call = call.func.value
    return call


def class_holds_mode_layers(index, name: str, depth: int = CLASS_DEPTH) -> bool:
    """Whether the module class `name` (the file's, or one a module of the project defines:
    `Net` imported by name, `models.Net`) builds dropout or batch norm, itself or in a class it
    builds (of its module or of another, CLASS_DEPTH classes deep)."""
    if depth == 0:
        return False
    node = next((n for n in index.class_nodes if n.name == name), None)
    if node is None:  # a class of another module of the project: read from its text first
        origin = index.origin(name)
        facts = project.module_facts(origin[0]) if origin is not None else None
        if facts is None or origin[1] not in facts.module_classes:
            return False
        if origin[1] in facts.mode_layer_classes:
            return True
        other = project_index(origin[0])  # its submodules may come from a third module (layers.py)
        return other is not None and class_holds_mode_layers(other, origin[1], depth)
    code = index.code_of(node)
    if MODE_LAYERS.search(code):
        return not _drops_by_its_own_flag(node, code)
    built = {dotted(n.func) for n in ast.walk(node) if isinstance(n, ast.Call)}
    return any(class_holds_mode_layers(index, other, depth - 1) for other in built
               if other and other != name and (other in index.module_classes or index.origin(other)))


def _drops_by_its_own_flag(node: ast.ClassDef, code: str) -> bool:
    """A class without batch norm whose forward() takes a training flag of its own
    (`forward(self, x, is_training=False)`): its dropout runs where a call asks, whatever the mode."""
    if BATCH_NORM.search(code):
        return False
    forward = next((item for item in node.body if isinstance(item, FUNCTIONS) and item.name == "forward"), None)
    parameters = (*forward.args.args, *forward.args.kwonlyargs) if forward is not None else ()
    return any(parameter.arg in TRAINING_FLAGS for parameter in parameters)


def builds_mode_layers(index, call: ast.Call) -> bool:
    """Whether `call` builds a model holding dropout or batch norm: a class of the file or the
    project that builds one, a torchvision model that does, an `nn.Sequential` holding one, or
    a `DataParallel` of such a model."""
    call = unmoved(call)
    callee = dotted(call.func) or ""
    qualname = index.imports.qualname_of_dotted(callee) or ""
    if qualname in WRAPPERS and call.args:
        inner = call.args[0]
        return isinstance(inner, ast.Call) and builds_mode_layers(index, inner)
    if qualname == "torch.nn.Sequential":
        return bool(MODE_LAYERS.search(index.code_of(call)))
    return bool(TORCHVISION_MODELS.match(callee)) or class_holds_mode_layers(index, callee)


def moded_models(index) -> set:
    """The dotted names statements of the file bind to a model holding dropout or batch norm."""
    names = set()
    for node in statements(index.tree.body):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and builds_mode_layers(index, node.value):
            names.update(name for name in map(dotted, node.targets) if name)
    return names


def trained_models(index) -> set:
    """The dotted names of the modules whose parameters a torch optimizer of the file updates."""
    names: set = set()
    for node in ast.walk(index.tree) if "optim" in index.source else ():
        if isinstance(node, ast.Call):
            names |= optimized_modules(node, index.imports)
    return names


@dataclass
class Switches:
    """What a loop's passes do to the modes of models, named as the loop names them. Positions
    are those of the loop body's statements that reach the event, directly or through calls."""

    evals: dict = field(default_factory=dict)  # model -> (position, the first eval()/train(False) call)
    eval_positions: dict = field(default_factory=dict)  # model -> the positions that switch it to eval mode
    trains: dict = field(default_factory=dict)  # model -> the positions that switch (or may switch) it to training mode
    any_train: bool = False  # something switched to training mode that the loop cannot name
    handed: dict = field(default_factory=dict)  # model -> the positions that hand it to code the file cannot see into
    backwards: list = field(default_factory=list)  # (position, whether only under an `if`) of each backward()
    # (position, model, the call) of each call of a model under no_grad in code that computes a metric
    evaluations: list = field(default_factory=list)

    def trains_after_eval(self, model: str) -> bool:
        """Whether a backward() runs after `model` is switched to eval mode: in a later pass (a
        backward before the switch in the body), or in the same pass (an unconditional
        backward after it; one under an `if` may be the training half of a shared step
        function, `if training: loss.backward()`)."""
        position = self.evals[model][0]
        return any(at < position or at > position and not conditional for at, conditional in self.backwards)

    def evaluated_in_training_mode(self) -> list:
        """The evaluations that run after a statement of the pass switches their model to
        training mode, with nothing from that statement to theirs switching it to eval mode
        or handing it to code the file cannot see into: (the call, the model)."""
        found = []
        for position, model, call in self.evaluations:
            trained_at = [at for name, ats in self.trains.items() if covers(name, model) for at in ats if at < position]
            if not trained_at:
                continue
            since = range(max(trained_at), position + 1)
            if any(at in since for name, ats in (*self.eval_positions.items(), *self.handed.items())
                   if covers(name, model) or covers(model, name) for at in ats):
                continue
            found.append((call, model))
        return found


def covers(name: str, model: str) -> bool:
    """Whether a switch of `name` switches `model`: the same, or a module holding it."""
    return model == name or model.startswith(name + ".")


@dataclass(frozen=True)
class Frame:
    """The function being read: `names` renames its names into the loop's (a parameter -> the
    argument's dotted name, or None where it has none; "" -> its locals), empty in the loop
    itself; `measuring`: whether it computes a metric anywhere."""

    names: dict
    owner: Optional[str]  # the class of the method read
    depth: int
    seen: frozenset  # the functions being read, not read again inside themselves
    measuring: bool


class ModeReader:
    """Reads the mode switches of loops, following calls of the file's functions (by name) and
    of its methods (`self.<method>()` in the same class), up to HELPER_DEPTH deep. A function
    defined twice (a notebook's cells redefine them) is not followed: which one runs depends on
    the order the cells run in."""

    def __init__(self, index) -> None:
        self.index = index
        self.functions: dict = {}  # (class or None, name) -> definition, None for one defined twice
        for node in index.tree.body:
            if isinstance(node, FUNCTIONS):
                self._define((None, node.name), node)
            elif isinstance(node, ast.ClassDef):
                for child in node.body:
                    if isinstance(child, FUNCTIONS):
                        self._define((node.name, child.name), child)
        self._methods: dict = {}  # name -> the methods of the file's classes so named
        for (owner, name), definition in self.functions.items():
            if owner is not None and definition is not None:
                self._methods.setdefault(name, []).append(definition)
        self._locals: dict = {}
        self._calls: Optional[dict] = None  # calls_by_function, made when first asked

    def _define(self, key: tuple, definition: ast.AST) -> None:
        self.functions[key] = definition if key not in self.functions else None

    def training_loops(self):
        """(loop, the class of its method or None, its function or None, its Switches) for each
        loop of the file that may run more than once and runs a backward() in its passes."""
        for loop, owner, function in loops_with_owner(self.index.tree):
            if runs_once(loop):
                continue
            switches = self.switches(loop, owner)
            if switches.backwards:
                yield loop, owner, function, switches

    def origins(self, model: str, function: Optional[ast.AST], owner: Optional[str]) -> Optional[set]:
        """model_origins, with the file's calls listed once."""
        if self._calls is None:
            self._calls = calls_by_function(self.index.tree)
        return model_origins(model, function, owner, self._calls)

    def switches(self, loop: ast.AST, owner: Optional[str]) -> Switches:
        """The switches of `loop` (in a method of the class `owner`, or None)."""
        found = Switches()
        for position, statement in enumerate(loop.body + loop.orelse):
            self._read([statement], Frame({}, owner, 0, frozenset(), False), position, False, False, found)
        return found

    def _read(self, body: list, frame: "Frame", position: int, conditional: bool, evaluating: bool,
              found: Switches) -> None:
        """Read `body` as run at the loop body's statement `position`; `conditional`: only under
        an `if`; `evaluating`: under no_grad in code that computes a metric."""
        stack = [(node, conditional, evaluating) for node in body]
        while stack:
            node, under_if, under_metric = stack.pop()
            if isinstance(node, (*FUNCTIONS, ast.ClassDef)):
                continue
            if isinstance(node, (ast.With, ast.AsyncWith)) and not under_metric and self._grad_off(node.items):
                under_metric = frame.measuring or any(is_metric(inner) for inner in ast.walk(node))
            branches = isinstance(node, (ast.If, ast.IfExp))
            stack.extend((child, under_if or branches and child is not node.test, under_metric)
                         for child in ast.iter_child_nodes(node))
            if isinstance(node, ast.Call):
                if under_metric:
                    model = self._rename(called_model(node), frame.names)
                    if model is not None:
                        found.evaluations.append((position, model, node))
                self._call(node, frame, position, under_if, under_metric, found)
            elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    if isinstance(target, ast.Attribute) and target.attr == "training":
                        self._note(found.trains, target.value, frame, position, found)

    def _call(self, call: ast.Call, frame: "Frame", position: int, conditional: bool, evaluating: bool,
              found: Switches) -> None:
        func = call.func
        method = func.attr if isinstance(func, ast.Attribute) else None
        if method == "backward":
            found.backwards.append((position, conditional))
            return
        if method == "eval" and not call.args and not call.keywords or method == "train" and _turns_off(call):
            model = self._rename(func.value, frame.names)
            if model is not None:
                found.evals.setdefault(model, (position, call))
                found.eval_positions.setdefault(model, set()).add(position)
            return
        if method == "train":
            self._note(found.trains, func.value, frame, position, found)
            return
        key = _callee_key(func, frame.owner)
        if key in self.functions:
            definition = self.functions[key]
            if definition is not None and frame.depth < HELPER_DEPTH and key not in frame.seen:
                measuring = any(is_metric(inner) for inner in ast.walk(definition))
                inner = Frame(self._arguments(definition, call, frame.names, key[0] is not None), key[0],
                              frame.depth + 1, frame.seen | {key}, measuring)
                grad_off = any(self._grad_off([decorator]) for decorator in definition.decorator_list)
                self._read(definition.body, inner, position, conditional, evaluating or grad_off and measuring, found)
            else:
                found.any_train = True  # not followed: it may switch anything back
            return
        qualname = self.index.imports.qualname_of_dotted(dotted(func)) or ""
        if qualname.startswith("torch.") or isinstance(func, ast.Name) and func.id in PLAIN_BUILTINS:
            return
        if method is not None and self._may_switch(method):
            # `model.fit()`, `trainer.run()`: may switch what it holds
            self._note(found.handed, func.value, frame, position)
        for argument in (*call.args, *(k.value for k in call.keywords)):
            self._note(found.handed, argument.value if isinstance(argument, ast.Starred) else argument, frame, position)

    def _grad_off(self, items: list) -> bool:
        """Whether `with` items (or decorators) turn gradients off: `torch.no_grad()`."""
        for item in items:
            expr = getattr(item, "context_expr", item)
            expr = expr.func if isinstance(expr, ast.Call) else expr
            if self.index.imports.qualname_of_dotted(dotted(expr)) in GRAD_OFF:
                return True
        return False

    def _note(self, where: dict, receiver: ast.expr, frame: "Frame", position: int,
              found: Optional[Switches] = None) -> None:
        """Record the model `receiver` names at `position` in `where`; a switch to training mode
        (`found` given) of something the loop cannot name makes any_train."""
        model = self._rename(receiver, frame.names)
        if model is not None:
            where.setdefault(model, set()).add(position)
        elif found is not None:
            found.any_train = True

    def _may_switch(self, method: str) -> bool:
        """Whether a call of `<something>.<method>()` may switch a mode: a method some class of
        the file defines with a switch in it, or one the file does not define whose name says it
        runs training (a submodule's call, `model.decoder(z)`, does not)."""
        if method in MODE_KEEPING_METHODS:
            return False
        if method not in self._methods:
            return bool(TRAINING_NAME.search(method))
        return any(MODE_SWITCH.search(self.index.code_of(definition)) for definition in self._methods[method])

    def _rename(self, expr: Optional[ast.expr], names: dict) -> Optional[str]:
        """`expr`'s dotted name in the loop's names, or None where it has none."""
        name = dotted(expr) if expr is not None else None
        if name is None:
            return None
        root, dot, rest = name.partition(".")
        if not names:
            return name
        if root in names:
            return names[root] + dot + rest if names[root] is not None else None
        return None if root in names.get("", ()) else name  # a local of the function read

    def _arguments(self, definition: ast.AST, call: ast.Call, names: dict, is_method: bool) -> dict:
        """The renaming for reading `definition` as called by `call` from code renamed by `names`."""
        if id(definition) not in self._locals:
            self._locals[id(definition)] = frozenset(bound_names(definition.body) | parameter_names(definition))
        positional = [a.arg for a in (*definition.args.posonlyargs, *definition.args.args)]
        inner: dict = {"": self._locals[id(definition)]}
        if is_method and positional:
            inner[positional[0]] = self._rename(call.func.value, names)
            positional = positional[1:]
        for parameter in parameter_names(definition):
            inner.setdefault(parameter, None)
        if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
            return inner  # which parameter takes which argument is hidden
        for parameter, argument in zip(positional, call.args):
            inner[parameter] = self._rename(argument, names)
        for keyword in call.keywords:
            if keyword.arg in inner:
                inner[keyword.arg] = self._rename(keyword.value, names)
        return inner


def called_model(call: ast.Call) -> Optional[ast.expr]:
    """`model` for `model(x)` or `model.forward(x)`."""
    func = call.func
    return func.value if isinstance(func, ast.Attribute) and func.attr == "forward" else func


def is_metric(node: ast.AST) -> bool:
    """A tensor comparison (`pred == labels`, `pred.eq(labels)`): the code measures something.
    A comparison with a constant or a Python number (`topi.item() == EOS`) steers a loop."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "eq":
        return True
    if not (isinstance(node, ast.Compare) and any(isinstance(op, (ast.Eq, ast.NotEq)) for op in node.ops)):
        return False
    sides = [node.left, *node.comparators]
    return not any(
        isinstance(side, ast.Constant)
        or isinstance(side, ast.Call) and isinstance(side.func, ast.Attribute) and side.func.attr == "item"
        for side in sides
    )


def _turns_off(call: ast.Call) -> bool:
    """`m.train(False)` or `m.train(mode=False)`."""
    values = [*call.args, *(k.value for k in call.keywords if k.arg == "mode")]
    return len(values) == 1 and isinstance(values[0], ast.Constant) and values[0].value is False


def _callee_key(func: ast.expr, owner: Optional[str]) -> Optional[tuple]:
    if isinstance(func, ast.Name):
        return (None, func.id)
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self" and owner:
        return (owner, func.attr)
    return None


def loops_with_owner(tree: ast.Module):
    """(loop, the class of the method it is in or None, the function it is in or None) for
    every loop of the file."""
    stack = [(node, None, None) for node in tree.body]
    while stack:
        node, owner, function = stack.pop()
        if isinstance(node, ast.ClassDef):
            stack.extend((child, node.name, None) for child in node.body)
            continue
        if isinstance(node, FUNCTIONS):
            stack.extend((child, owner, node) for child in node.body)
            continue
        if isinstance(node, LOOPS):
            yield node, owner, function
        for block in ("body", "orelse", "finalbody"):
            stack.extend((child, owner, function) for child in getattr(node, block, None) or [])
        for clause in (*getattr(node, "handlers", ()), *getattr(node, "cases", ())):
            stack.extend((child, owner, function) for child in clause.body)


def calls_by_function(tree: ast.Module) -> dict:
    """name -> the calls of it by name (`train(...)`) and as a method of self (`self.train(...)`)."""
    calls: dict = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                calls.setdefault(func.id, []).append((node, False))
            elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self":
                calls.setdefault(func.attr, []).append((node, True))
    return calls


def model_origins(model: str, function: Optional[ast.AST], owner: Optional[str], calls: dict) -> Optional[set]:
    """The names `model` stands for where the models are built: itself, or, for a parameter of
    the function holding the loop, the argument every call of it gives (None where some call
    gives none that has a name)."""
    root, dot, rest = model.partition(".")
    if function is None or root not in parameter_names(function) or root == "self":
        return {model}
    positional = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
    if owner is not None and positional:
        positional = positional[1:]
    origins = set()
    for call, through_self in calls.get(function.name, ()):
        if through_self != (owner is not None):
            continue
        if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
            return None  # which parameter takes which argument is hidden
        given = dict(zip(positional, call.args))
        given.update((k.arg, k.value) for k in call.keywords)
        name = dotted(given[root]) if root in given else None
        if name is None:
            return None
        origins.add(name + dot + rest)
    return origins or None
