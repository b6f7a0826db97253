"""Training and evaluation mode of a file's models: which models hold layers whose output
depends on the mode, which ones an optimizer trains, and what each loop switches (`eval()`,
`train()`), following calls of the file's own functions and methods with their arguments.
DET422 and DET423 read it."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from typing import Optional

from ..analysis.summaries import optimized_modules
from ..syntax.ast_syntax import FUNCTIONS, LOOPS, bound_names, dotted, parameter_names, statements

# Layers whose output depends on the mode.
MODE_LAYERS = re.compile(r"\b(?:Dropout\w*|AlphaDropout|BatchNorm[123]d|SyncBatchNorm)\s*\(")
# torchvision constructors of models holding batch norm or dropout.
TORCHVISION_MODELS = re.compile(
    r"^(?:torchvision\.)?models\.(?:resnet\w*|resnext\w*|wide_resnet\w*|vgg\w*_bn|vgg\d+|densenet\w*|"
    r"inception\w*|googlenet|alexnet|mobilenet\w*|efficientnet\w*|shufflenet\w*|mnasnet\w*|squeezenet\w*)$"
)
MODULE_MOVES = frozenset(("to", "cuda", "cpu", "float", "double", "half"))
WRAPPERS = frozenset(("torch.nn.DataParallel", "torch.nn.parallel.DistributedDataParallel",
                      "torch.nn.parallel.DataParallel"))
HELPER_DEPTH = 3  # calls followed into the file's functions
CLASS_DEPTH = 3  # classes followed into the submodules they build
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
    builds."""
    if depth == 0:
        return False
    node = next((n for n in index.class_nodes if n.name == name), None)
    if node is None:
        origin = index.origin(name)
        if origin is None:
            return False
        from ..analysis.file_index import project_index  # a module of the project: its own index

        other = project_index(origin[0])
        return other is not None and class_holds_mode_layers(other, origin[1], depth - 1)
    code = index.code_of(node)
    if MODE_LAYERS.search(code):
        return True
    built = {dotted(n.func) for n in ast.walk(node) if isinstance(n, ast.Call)}
    return any(class_holds_mode_layers(index, other, depth - 1) for other in built
               if other and other != name and (other in index.module_classes or index.origin(other)))


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
    trains: set = field(default_factory=set)  # models switched (or maybe switched) to training mode
    any_train: bool = False  # something switched to training mode that the loop cannot name
    handed: set = field(default_factory=set)  # models handed to code the file cannot see into
    backwards: list = field(default_factory=list)  # (position, whether only under an `if`) of each backward()

    def trains_after_eval(self, model: str) -> bool:
        """Whether a backward() runs after `model` is switched to eval mode: in a later pass (a
        backward before the switch in the body), or in the same pass (an unconditional
        backward after it; one under an `if` may be the training half of a shared step
        function, `if training: loss.backward()`)."""
        position = self.evals[model][0]
        return any(at < position or at > position and not conditional for at, conditional in self.backwards)


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

    def _define(self, key: tuple, definition: ast.AST) -> None:
        self.functions[key] = definition if key not in self.functions else None

    def switches(self, loop: ast.AST, owner: Optional[str]) -> Switches:
        """The switches of `loop` (in a method of the class `owner`, or None)."""
        found = Switches()
        for position, statement in enumerate(loop.body + loop.orelse):
            self._read([statement], {}, owner, 0, position, False, found, frozenset())
        return found

    def _read(self, body: list, names: dict, owner, depth: int, position: int, conditional: bool,
              found: Switches, seen: frozenset) -> None:
        """`names`: the renaming of the function being read into the loop's names (a parameter
        -> the argument's dotted name, or None where it has none); empty in the loop itself.
        `conditional`: whether the code read runs only under an `if`."""
        stack = [(node, conditional) for node in body]
        while stack:
            node, under_if = stack.pop()
            if isinstance(node, (*FUNCTIONS, ast.ClassDef)):
                continue
            branches = isinstance(node, (ast.If, ast.IfExp))
            stack.extend((child, under_if or branches and child is not node.test) for child in ast.iter_child_nodes(node))
            if isinstance(node, ast.Call):
                self._call(node, names, owner, depth, position, under_if, found, seen)
            elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    if isinstance(target, ast.Attribute) and target.attr == "training":
                        self._note_train(target.value, names, found)

    def _call(self, call: ast.Call, names: dict, owner, depth: int, position: int, conditional: bool,
              found: Switches, seen: frozenset) -> None:
        func = call.func
        method = func.attr if isinstance(func, ast.Attribute) else None
        if method == "backward":
            found.backwards.append((position, conditional))
            return
        if method == "eval" and not call.args and not call.keywords or method == "train" and _turns_off(call):
            model = self._rename(func.value, names)
            if model is not None:
                found.evals.setdefault(model, (position, call))
            return
        if method == "train":
            self._note_train(func.value, names, found)
            return
        key = _callee_key(func, owner)
        if key in self.functions:
            definition = self.functions[key]
            if definition is not None and depth < HELPER_DEPTH and key not in seen:
                inner = self._arguments(definition, call, names, key[0] is not None)
                self._read(definition.body, inner, key[0], depth + 1, position, conditional, found, seen | {key})
            else:
                found.any_train = True  # not followed: it may switch anything back
            return
        qualname = self.index.imports.qualname_of_dotted(dotted(func)) or ""
        if qualname.startswith("torch.") or isinstance(func, ast.Name) and func.id in PLAIN_BUILTINS:
            return
        if method is not None and self._may_switch(method):
            receiver = self._rename(func.value, names)
            if receiver is not None:
                found.handed.add(receiver)  # `model.fit()`, `trainer.run()`: may switch what it holds
        for argument in (*call.args, *(k.value for k in call.keywords)):
            handed = self._rename(argument.value if isinstance(argument, ast.Starred) else argument, names)
            if handed is not None:
                found.handed.add(handed)

    def _may_switch(self, method: str) -> bool:
        """Whether a call of `<something>.<method>()` may switch a mode: a method some class of
        the file defines with a switch in it, or one the file does not define whose name says it
        runs training (a submodule's call, `model.decoder(z)`, does not)."""
        if method in MODE_KEEPING_METHODS:
            return False
        if method not in self._methods:
            return bool(TRAINING_NAME.search(method))
        return any(MODE_SWITCH.search(self.index.code_of(definition)) for definition in self._methods[method])

    def _note_train(self, receiver: ast.expr, names: dict, found: Switches) -> None:
        model = self._rename(receiver, names)
        if model is None:
            found.any_train = True
        else:
            found.trains.add(model)

    def _rename(self, expr: ast.expr, names: dict) -> Optional[str]:
        """`expr`'s dotted name in the loop's names, or None where it has none."""
        name = dotted(expr)
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
