"""The whole file as an `ast` index: its torch imports, its classes (which are modules), the
values built at module level and in `__init__`s, and the project's modules it imports from.
Rules and the evaluator read it; its facts are made when first asked for."""

from __future__ import annotations

import ast
import os
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import Optional

from ..syntax.ast_syntax import (
    FUNCTIONS,
    attribute_bindings,
    bound_names,
    dotted,
    handling_spans,
    module_level,
    parse_python,
    function_scopes,
    scope_nodes,
    statements,
    subclasses,
)
from ..syntax.source_lines import physical_lines, word_starts
from .. import torchapi
from . import project
from .imports import ImportTable
from .one_element import backwarded_scopes, one_element_attributes, one_element_losses
from .reducing_modules import forward_reduces, names_bound_to
from .summaries import class_optimizers, optimized_modules, summarise

LOSS_CALL = re.compile(r"Loss\s*\(")  # a torch loss class built (or called)
BACKWARD_CALL = re.compile(r"\.\s*backward\s*\(")
SUMMARY_DEPTH = 8  # summaries that call summaries (engine.returns): deeper chains stay unknown
OPENS_CALL = re.compile(r"\s*\(")
# A reduction called (`x.sum(0)`, `torch.mean(x)`): what a function holding one may return is 0-dim.
REDUCTION_CALL = re.compile(rf"\b(?:{'|'.join(sorted(torchapi.FULL_REDUCTIONS | torchapi.WHOLE_REDUCTIONS))})\s*\(")

# Code that may switch grad on, or make a tensor that requires grad whatever the grad mode.
GRAD_ON = re.compile(r"enable_grad|set_grad_enabled|inference_mode|requires_grad|Parameter|Variable")

# Code that asks autograd for gradients: backward(), autograd.grad(), a .grad read, an optimizer.
GRADIENT_USE = re.compile(r"\bbackward\s*\(|\bgrad\s*\(|\.grad\b|\boptim\b|\bOptimizer\b")

# A module switched to eval mode.
EVAL_CALL = re.compile(r"\.\s*(?:eval\s*\(|train\s*\(\s*False)")

# Methods only a module has: their receiver is a module.
MODULE_METHODS = frozenset("parameters named_parameters zero_grad train eval state_dict load_state_dict modules children".split())
# Methods only modules have (and optimizers for some): what they are called on is no tensor,
# number or container.
MODULE_ONLY_METHODS = MODULE_METHODS | {"forward", "named_modules", "buffers"}
MODULE_MOVES = frozenset(("cuda", "cpu", "to"))  # `model = model.cuda()` binds the same module again
MODULE_CALL = re.compile(r"\.\s*(?:%s)\s*\(" % "|".join(sorted(MODULE_METHODS)))


@dataclass(frozen=True)
class ClassFacts:
    """A class of the file as its `ast` shows it."""

    bases: tuple  # the torch names of its bases (`torch.optim.Adam`), None for others
    methods: frozenset  # the names of the methods it defines


@dataclass(frozen=True)
class FileIndex:
    imports: ImportTable  # module-level torch imports, wherever they stand
    module_classes: frozenset  # classes of the file that subclass torch.nn.Module
    plain_classes: frozenset  # classes of the file with no base class: their instances are no modules
    classes: dict  # class name -> ClassFacts
    class_nodes: tuple  # the ast.ClassDef of each
    tree: ast.Module
    source: str
    # Names imported by name from the project's own modules: local -> (module file, name there);
    # what each is, is read only when asked (imported_kind, engine.returns).
    project_names: dict = field(default_factory=dict)
    # The project's modules imported whole: local name -> module file (`import data`).
    project_modules: dict = field(default_factory=dict)
    path: Optional[str] = None  # where the file is on disk, when it is

    def origin(self, name: Optional[str]) -> Optional[tuple]:
        """(module file, name there) for a dotted name that a module of the project defines:
        imported by name (`Corpus`), or read off a project module imported whole (`data.Corpus`)."""
        if name in self.project_names:
            return self.project_names[name]
        head, _, rest = (name or "").partition(".")
        if head in self.project_modules and rest and "." not in rest:
            return self.project_modules[head], rest
        return None

    def imported_kind(self, name: Optional[str]) -> Optional[str]:
        """"module" or "plain" for a name from a module of the project that defines it as an
        `nn.Module` subclass or as a plain class; None otherwise or where unknown."""
        origin = self.origin(name)
        other = project.module_facts(origin[0]) if origin is not None else None
        if other is None:
            return None
        return "module" if origin[1] in other.module_classes else "plain" if origin[1] in other.plain_classes else None

    # Made when a piece is first analysed (most files indexed have none).

    @cached_property
    def lines(self) -> list:
        return physical_lines(self.source)

    def code_of(self, node: ast.AST) -> str:
        """The source text of an `ast` expression (ast.get_source_segment splits the whole
        source again at each call)."""
        first, last = node.lineno - 1, node.end_lineno - 1
        start = len(self.lines[first].encode("utf-8")[: node.col_offset].decode("utf-8", "replace"))
        end = len(self.lines[last].encode("utf-8")[: node.end_col_offset].decode("utf-8", "replace"))
        if first == last:
            return self.lines[first][start:end]
        return self.lines[first][start:] + "".join(self.lines[first + 1 : last]) + self.lines[last][:end]

    @cached_property
    def built_values(self) -> dict:
        """id(ast call) -> the Value it builds (Evaluator.built), filled as the walk asks."""
        return {}

    @cached_property
    def imported_values(self) -> dict:
        """name imported by name from the project -> what it holds (Evaluator._imported_value),
        filled as the walk asks."""
        return {}

    @cached_property
    def summaries(self) -> dict:
        """What the file's functions return (summaries.py)."""
        return summarise(self.tree, self.imports)

    @cached_property
    def optimizers(self) -> dict:
        """class -> {attribute -> the modules whose parameters `self.<attribute>` updates}."""
        return {node.name: class_optimizers(node, self.imports) for node in self.class_nodes}

    @cached_property
    def optimizer_modules(self) -> dict:
        """The dotted name of each torch optimizer the file builds (`self.opt = Adam(...)`) ->
        the modules it updates, where every binding of the name agrees (empty otherwise, or
        where its parameters are not evident)."""
        found: dict = {}
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                qualname = self.imports.qualname_of_dotted(dotted(node.value.func)) or ""
                if not (qualname.startswith("torch.optim.") and "lr_scheduler" not in qualname
                        and qualname.rpartition(".")[2][:1].isupper()):
                    continue
                modules = optimized_modules(node.value, self.imports)
                for name in filter(None, map(dotted, node.targets)):
                    found[name] = modules if found.get(name, modules) == modules else frozenset()
        return found

    @cached_property
    def zero_grad_receivers(self) -> frozenset:
        """The dotted receivers of `x.zero_grad()` calls in the file: optimizers, or modules."""
        return frozenset(
            dotted(node.func.value) for node in ast.walk(self.tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "zero_grad"
        ) - {None}

    @cached_property
    def switches_requires_grad(self) -> bool:
        """Whether code of the file may switch `requires_grad` off (freezing parameters)."""
        return bool(re.search(r"requires_grad\s*=(?!=)|requires_grad_\(\s*[^)\s]", self.source))

    @cached_property
    def evaluated_classes(self) -> frozenset:
        """The classes of the file some instance of which is switched to eval mode: bound to a
        name (or attribute) that `.eval()` or `.train(False)` is called on, or held as a
        submodule (`self.decoder = Decoder()`) by an instance of such a class."""
        if not EVAL_CALL.search(self.source):
            return frozenset()
        switched, held = set(), {}  # dotted names eval()-ed; class -> the names its instances are bound to
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and (
                node.func.attr == "eval" or node.func.attr == "train" and any(
                    isinstance(a, ast.Constant) and a.value is False for a in node.args)
            ):
                receiver = node.func.value
                built = isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Name)
                switched.add(f"{receiver.func.id}()" if built else dotted(receiver))  # `Net().eval()`
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name):
                for target in node.targets:
                    held.setdefault(node.value.func.id, set()).add(dotted(target))
        owners = {}  # class -> the classes that hold one of its instances as `self.<attr>`
        for node in self.class_nodes:
            for child in ast.walk(node):
                if isinstance(child, ast.Assign) and isinstance(child.value, ast.Call) and isinstance(child.value.func, ast.Name):
                    owners.setdefault(child.value.func.id, set()).add(node.name)
        evaluated: set = set()

        def is_evaluated(name: str, seen: frozenset) -> bool:
            if name in evaluated:
                return True
            if name in seen:
                return False
            names = held.get(name, set()) | {f"{name}()"}
            found = bool(names & switched or {n.rpartition(".")[2] for n in names if n} & {s.rpartition(".")[2] for s in switched if s})
            return found or any(is_evaluated(owner, seen | {name}) for owner in owners.get(name, ()))

        for node in self.class_nodes:
            if is_evaluated(node.name, frozenset()):
                evaluated.add(node.name)
        return frozenset(evaluated)

    @cached_property
    def evaluated_by_importers(self) -> bool:
        """Whether a script of the project that imports this module switches some module to
        eval mode (project.evaluated_by_importers): its model classes are evaluated there."""
        return self.path is not None and project.evaluated_by_importers(self.path)

    @cached_property
    def uses_gradients(self) -> bool:
        """Whether code of the file may ask autograd for gradients (context.uses_gradients)."""
        return bool(GRADIENT_USE.search(self.source))

    @cached_property
    def optimized_modules(self) -> frozenset:
        """Dotted names of the modules whose parameters a torch optimizer of the file updates
        (`Adam(model.parameters())`, `SGD(self.net.parameters())`), where nothing in the file
        switches `requires_grad` off: their parameters require grad, so their outputs do."""
        if self.switches_requires_grad:
            return frozenset()
        found = set()
        for node in ast.walk(self.tree) if "optim" in self.source else ():
            if isinstance(node, ast.Call):
                found |= optimized_modules(node, self.imports)
        return frozenset(found)

    @cached_property
    def module_binding_counts(self) -> dict:
        """name -> how many module-level statements bind it (a name declared `global` in a
        function counts as bound again)."""
        counts: dict = {}
        for node in module_level(self.tree.body):
            if isinstance(node, ast.With):  # its body comes on its own; its `as` targets here
                bound = {n.id for item in node.items for n in ast.walk(item.optional_vars or ast.Pass())
                         if isinstance(n, ast.Name)}
            else:
                bound = bound_names([node]) if not isinstance(node, (ast.If, ast.Try)) else set()
            for name in bound:
                counts[name] = counts.get(name, 0) + 1
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    local = (alias.asname or alias.name).partition(".")[0]
                    counts[local] = counts.get(local, 0) + 1
        if "global" in self.source:
            for node in statements(self.tree.body):
                if isinstance(node, ast.Global):
                    for name in node.names:
                        counts[name] = counts.get(name, 0) + 1
        return counts

    @cached_property
    def built_globals(self) -> dict:
        """Module-level names bound once, to a call or an operation (`criterion = nn.NLLLoss()`,
        `D = Net()`, `mone = one * -1`), and nowhere else (not by another statement, not through
        `global`): name -> that expression. Functions see them as built (Evaluator.built)."""
        calls: dict = {}
        moves: dict = {}  # name -> how often the module level moves it onto itself (`model = model.cuda()`)
        for node in module_level(self.tree.body):
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
                continue
            name, value = node.targets[0].id, node.value
            if (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr in MODULE_MOVES
                    and dotted(value.func.value) == name):
                moves[name] = moves.get(name, 0) + 1
            elif isinstance(value, (ast.Call, ast.BinOp, ast.UnaryOp)):
                calls[name] = value
        # A module moved is that module still (a tensor's `.to()` may change its dtype).
        return {
            name: call for name, call in calls.items()
            if self.module_binding_counts.get(name)
            == 1 + (moves.get(name, 0) if isinstance(call, ast.Call) and self._builds_a_module(call) else 0)
        }

    @cached_property
    def summarisable_functions(self) -> dict:
        """name -> the top-level `def` that alone binds it, undecorated and no generator:
        what a call of it returns can be read from its body (engine.returns)."""
        found = {}
        for node in self.tree.body:
            if (
                isinstance(node, ast.FunctionDef)
                and not node.decorator_list
                and self.module_binding_counts.get(node.name) == 1
                and not self._generator(node)
            ):
                found[node.name] = node
        return found

    @cached_property
    def summarisable_methods(self) -> dict:
        """`Class.method` -> the `def` of a method that only one class of the file defines,
        once, undecorated (or a staticmethod) and no generator: what calling it on an instance
        of that class returns can be read from its body, as for a function (engine.returns).
        (A method two classes define may be overridden: what `self.method()` runs is not known.)"""
        defined: dict = {}
        for cls in self.class_nodes:
            for node in cls.body:
                if isinstance(node, FUNCTIONS):
                    defined.setdefault(node.name, []).append((cls.name, node))
        return {
            f"{cls}.{name}": node for name, places in defined.items() if len(places) == 1
            for cls, node in places
            if isinstance(node, ast.FunctionDef) and not self._generator(node)
            and all(isinstance(d, ast.Name) and d.id == "staticmethod" for d in node.decorator_list)
        }

    def _generator(self, function: ast.FunctionDef) -> bool:
        """Whether `function` yields (its own code, not a nested definition's)."""
        return "yield" in self.code_of(function) and any(
            isinstance(inner, (ast.Yield, ast.YieldFrom)) for inner in scope_nodes(function.body, skip_definitions=True))

    def accumulated_parameters(self, cls: str, method: str) -> frozenset:
        """The positions (after `self`) of the parameters that the method `method` of the
        file's class `cls` adds into an attribute of its instance without a call around them
        (`self.sum += val * n`, `self.values.append(val)`): what a call passes there, the
        instance keeps across calls (an average meter)."""
        defined = [m for c in self.class_nodes if c.name == cls for m in c.body if isinstance(m, FUNCTIONS) and m.name == method]
        node = defined[-1] if defined else None  # the last definition is the one that holds
        if not isinstance(node, ast.FunctionDef) or not project.ADDS_INTO_SELF.search(self.code_of(node)):
            return frozenset()
        parameters = [a.arg for a in (*node.args.posonlyargs, *node.args.args)][1:]
        found = set()
        for inner in scope_nodes(node.body, skip_definitions=True):
            added = _added_into_self(inner)
            if added is not None and not any(isinstance(n, ast.Call) for n in ast.walk(added)):
                names = {n.id for n in ast.walk(added) if isinstance(n, ast.Name)}
                found |= {i for i, p in enumerate(parameters) if p in names}
        # `val = val.item()` first: a number is kept
        return frozenset(i for i in found if parameters[i] not in bound_names(node.body)) if found else frozenset()

    @cached_property
    def attributes_read(self) -> frozenset:
        """The names of the attributes the file reads anywhere (not only assigns)."""
        return frozenset(node.attr for node in ast.walk(self.tree) if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load))

    def object_parameters(self, name: str) -> dict:
        """parameter name -> (its position, the use) for the parameters that the file's function
        `name`, or the `__init__` of its class `name` (position after `self`), uses as an object
        on every call: reads or calls a name on it that no tensor, number or container has
        (`args.embed_size`, `model.eval()`) or calls it (`model(x)`), in code that
        runs whatever the branches (not under an `if`, `try` or a nested definition), the
        parameter never rebound. What a call passes there is such an object."""
        if name not in self._object_parameters:
            self._object_parameters[name] = _object_parameters(self._callee_definition(name))
        return self._object_parameters[name]

    def _callee_definition(self, name: str) -> Optional[ast.FunctionDef]:
        """The `def` a call of `name` runs: the file's function, or its class's own `__init__`
        (the last one defined); None where that is not one known `def`."""
        if name in self.summarisable_functions:
            return self.summarisable_functions[name]
        classes = [c for c in self.class_nodes if c.name == name]
        if len(classes) != 1 or self.module_binding_counts.get(name, 1) != 1:
            return None
        inits = [m for m in classes[0].body if isinstance(m, ast.FunctionDef) and m.name == "__init__"]
        return inits[-1] if inits and not inits[-1].decorator_list else None

    @cached_property
    def _object_parameters(self) -> dict:
        return {}

    @cached_property
    def accumulating_methods(self) -> frozenset:
        """The names of the methods of the file's classes, and of the classes it imports by
        name from modules of the project, that keep what they are given in their instance
        (accumulated_parameters): for the rules' prechecks."""
        lines = self.lines_matching(project.ADDS_INTO_SELF)
        found = {method.name for cls in self.class_nodes if spans_any(lines, cls) for method in cls.body
                 if isinstance(method, FUNCTIONS) and spans_any(lines, method) and self.accumulated_parameters(cls.name, method.name)}
        for local, (path, name) in self.project_names.items():
            # a module's index is made (and kept) only where its text may hold such a method
            plain = self.imported_kind(local) == "plain" and project.module_facts(path).adds_into_self
            other = project_index(path) if plain else None
            cls = next((c for c in other.class_nodes if c.name == name), None) if other is not None else None
            found |= {method.name for method in (cls.body if cls is not None else ())
                      if isinstance(method, FUNCTIONS) and other.accumulated_parameters(name, method.name)}
        return frozenset(found)

    @cached_property
    def _reaching(self) -> dict:
        return {}

    def functions_reaching(self, pattern: re.Pattern) -> frozenset:
        """functions_matching the places `pattern` matches in the file (found once per pattern)."""
        if pattern.pattern not in self._reaching:
            self._reaching[pattern.pattern] = self.functions_matching([m.start() for m in pattern.finditer(self.source)])
        return self._reaching[pattern.pattern]

    def functions_matching(self, offsets: list) -> frozenset:
        """The names of the file's summarisable functions and methods (a method by its own
        name, as `x.name(...)` calls it) whose code holds one of the sorted `offsets`, or
        calls one that does, SUMMARY_DEPTH calls deep: where one of them is called, what its
        body holds may show in what the call gives (engine.returns walks them), for the
        planner and the rules' prechecks."""
        if not offsets:
            return frozenset()
        spans = self._function_spans
        starts = [start for start, _, _ in spans]

        def holding(at: list) -> set:
            found = set()
            for offset in at:
                index = bisect_right(starts, offset) - 1
                if index >= 0 and offset < spans[index][1]:
                    found.add(spans[index][2])
            return found

        found = holding(offsets)
        new = set(found)
        for _ in range(SUMMARY_DEPTH):
            if not new:
                break
            new = holding(self.call_offsets(new)) - found
            found |= new
        return frozenset(found)

    def call_offsets(self, names) -> list:
        """Where the file calls one of `names` (`name(`, `x.name (`), in order."""
        return sorted(start for name in names for start in word_starts(self.source, name)
                      if OPENS_CALL.match(self.source, start + len(name)))

    @cached_property
    def _function_spans(self) -> list:
        """(start, end, name) in the source of each summarisable function and method, in order."""
        starts = self._line_starts
        return sorted(
            (starts[node.lineno - 1], starts[node.end_lineno], key.rpartition(".")[2])
            for key, node in (*self.summarisable_functions.items(), *self.summarisable_methods.items())
        )

    @cached_property
    def _handling(self) -> dict:
        return {}

    def handling_spans(self, error: str) -> list:
        """The `try` bodies whose handlers take the builtin exception `error`, as
        ast_syntax.handling_spans gives them: found once per file and error."""
        spans = self._handling.get(error)
        if spans is None:
            spans = self._handling[error] = handling_spans(self.tree, (error,))
        return spans

    @cached_property
    def returned_values(self) -> dict:
        """name -> the Value a call of that function gives (engine.returns), filled as asked."""
        return {}

    @cached_property
    def function_calls(self) -> dict:
        """name -> (call, its scope) of each call by name of the file's summarisable functions,
        in module code and in every function; a function named anywhere but as the callee of a
        call (handed on) has none: it may be called with anything."""
        calls: dict = {name: [] for name in self.summarisable_functions}
        for scope in function_scopes(self.tree):
            for node in scope_nodes(scope.body, skip_definitions=True):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in calls:
                    calls[node.func.id].append((node, scope))
        called = {id(call.func) for found in calls.values() for call, _ in found}
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Name) and node.id in calls and id(node) not in called:
                calls[node.id] = []
        return calls

    @cached_property
    def parameter_facts(self) -> dict:
        """What engine.parameters found of the file's functions' parameters, made when asked."""
        return {}

    @cached_property
    def class_attribute_bindings(self) -> tuple:
        """(class, ast_syntax.attribute_bindings of it) for each class of the file."""
        return tuple((node, attribute_bindings(node)) for node in self.class_nodes)

    @cached_property
    def passed_attributes(self) -> dict:
        """class -> {attribute -> parameter}: `self.<attribute> = <parameter>` in the class's
        `__init__`, bound nowhere else in the class: the attribute holds what the caller passed
        as that parameter (`self.D = discriminator`), and its name says what that is."""
        found: dict = {}
        for node, bindings in self.class_attribute_bindings:
            init = next((m for m in node.body if isinstance(m, FUNCTIONS) and m.name == "__init__"), None)
            if init is None:
                continue
            parameters = {a.arg for a in (*init.args.posonlyargs, *init.args.args, *init.args.kwonlyargs)}
            found[node.name] = {
                attribute: value.id
                for attribute, bound in bindings.items()
                if len(bound) == 1
                for statement, value, method in bound
                if method == "__init__" and isinstance(value, ast.Name) and value.id in parameters - {"self"}
            }
        return found

    @cached_property
    def built_attributes(self) -> dict:
        """class -> {attribute -> the call}: `self.<attribute> = <call>` in one method of the
        class (`__init__`, or a `build_model()` it runs later), bound nowhere else in the class:
        wherever the attribute exists, it holds what that call built. A class of the file
        inherits its bases' (those of the file) where it binds none of its own."""
        own: dict = {}
        for node, bindings in self.class_attribute_bindings:
            own[node.name] = {
                # one of several module bindings: the file's own class says least (no weight)
                attribute: next((v for _, v, _ in bound if dotted(v.func) in self.module_classes), bound[0][1])
                for attribute, bound in bindings.items()
                if all(isinstance(value, ast.Call) for _, value, _ in bound)
                and (len(bound) == 1 or self._all_alike([value for _, value, _ in bound]))
            }
        built: dict = {}
        for node in self.class_nodes:
            self._built_by_class(node.name, own, built)
        return built

    def _built_by_class(self, name: str, own: dict, built: dict, seen: frozenset = frozenset()) -> dict:
        """built_attributes' entry for the class `name`, its bases' first (a method, not a
        recursive closure: that would hold the index in a cycle, alive until a full collection)."""
        if name in built or name in seen:
            return built.get(name, {})
        inherited: dict = {}
        node = next((n for n in self.class_nodes if n.name == name), None)
        for base in node.bases if node is not None else ():
            if isinstance(base, ast.Name) and base.id in own:
                inherited.update(self._built_by_class(base.id, own, built, seen | {name}))
        built[name] = {**inherited, **own.get(name, {})}
        return built[name]

    def _all_alike(self, calls: list) -> bool:
        """Whether several bindings of one attribute build the same kind of object: the same
        call each time (`self.target = copy.deepcopy(self.dqn)` in `__init__` and in an
        update), or modules each time (`self.dqn = DQN(...)` or `nn.Sequential(...)`: module
        classes of the file or torch.nn's)."""
        if len({ast.dump(call) for call in calls}) == 1:
            return True
        return all(self._builds_a_module(call) for call in calls)

    def _builds_a_module(self, call: ast.Call) -> bool:
        name = dotted(call.func)
        if name in self.module_classes or self.imported_kind(name) == "module":
            return True
        qualname = self.imports.qualname_of_dotted(name)
        return qualname is not None and qualname.startswith("torch.nn.") and qualname.rpartition(".")[2][:1].isupper()

    def switches_grad_on(self, callee: str, owner: Optional[str]) -> Optional[bool]:
        """Whether the function `callee` of the file (`name`, or `self.name` in a method of the
        class `owner`) may give a tensor that requires grad when called under no_grad: it
        switches grad on or makes a leaf that requires grad. None where it is not the file's."""
        scope, name = self.tree.body, callee
        if callee.startswith("self.") and owner is not None:
            node = next((n for n in self.class_nodes if n.name == owner), None)
            scope, name = (node.body if node is not None else []), callee[len("self."):]
        definitions = [n for n in scope if isinstance(n, FUNCTIONS) and n.name == name]
        return bool(GRAD_ON.search(self.code_of(definitions[0]))) if len(definitions) == 1 else None

    @cached_property
    def module_classes_switch_grad_on(self) -> bool:
        """Whether a module class of the file may give a tensor that requires grad under no_grad."""
        return any(GRAD_ON.search(self.code_of(n)) for n in self.class_nodes if n.name in self.module_classes)

    @cached_property
    def one_element_losses(self) -> frozenset:
        """The loss callables (dotted names) some scope of the file backward()s a result of
        without a gradient: each call of them gives one element (one_element.py)."""
        return one_element_losses(self.backwarded_scopes)

    @cached_property
    def one_element_attributes(self) -> frozenset:
        """(class, `self.<attribute>`) of the loss attributes that methods of the class
        backward() without a gradient, or sum into what they backward(): one element in every
        method of the class (one_element.py)."""
        return one_element_attributes(self.tree, self.backwarded_scopes)

    @cached_property
    def backwarded_scopes(self) -> tuple:
        """The scopes that backward() something without a gradient, with what and their term
        bindings (one_element.backwarded_scopes): read by both kinds of one-element evidence."""
        return backwarded_scopes(self.tree, self.backwarding_scopes)

    @cached_property
    def backwarding_scopes(self) -> tuple:
        """(class or None, function or None for the module's own code) of the module and of each
        function of the file that spans a `.backward(` (a method with its class): the scopes that
        may backward() something."""
        if not BACKWARD_CALL.search(self.source):
            return ()
        owners: dict = {}
        scopes = [(None, None)]
        for node in self.nodes_on_lines(BACKWARD_CALL):  # a class before its methods
            if isinstance(node, ast.ClassDef):
                owners.update((id(item), node.name) for item in node.body if isinstance(item, FUNCTIONS))
            elif isinstance(node, FUNCTIONS):
                scopes.append((owners.get(id(node)), node))
        return tuple(scopes)

    @cached_property
    def backwarded_calls(self) -> frozenset:
        """(class or None, dotted callee) of the calls whose result some scope of the file
        backward()s: `loss = self.compute_loss(batch); loss.backward()`, `f(x).backward()`.
        The planner and the walker take a function or method so called as one that backward()s
        what it returns."""
        found = set()
        for owner, function in self.backwarding_scopes:
            callees: dict = {}  # name -> the callees of the calls bound to it
            received = []
            for node in scope_nodes((function or self.tree).body, skip_definitions=True):
                if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            callees.setdefault(target.id, []).append(dotted(node.value.func))
                elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "backward":
                    received.append(node.func.value)
            for receiver in received:
                if isinstance(receiver, ast.Call):
                    names = [dotted(receiver.func)]
                else:
                    names = callees.get(getattr(receiver, "id", None), [])
                found.update((owner, name) for name in names if name)
        return frozenset(found)

    def returns_to_backward(self, owner: Optional[str], function: str) -> bool:
        """Whether the file backward()s what this top-level function (owner None) or method
        of the class `owner` returns."""
        return (owner, f"self.{function}" if owner else function) in self.backwarded_calls

    @cached_property
    def reducing_module_classes(self) -> frozenset:
        """The file's module classes whose forward() returns a full reduction on every path
        (reducing_modules.py): a call of one gives a 0-dim tensor."""
        return frozenset(
            node.name for node in self.class_nodes
            if node.name in self.module_classes and forward_reduces(node, self.imports)
        )

    def reduces(self, module_class: tuple) -> bool:
        """Whether a module of `module_class` ((the file that defines it, None for this one;
        the class)) gives a 0-dim tensor when called."""
        path, name = module_class
        index = self if path is None else project_index(path)
        return index is not None and name in index.reducing_module_classes

    @cached_property
    def list_returning_functions(self) -> frozenset:
        """The file's functions that return a list they fill with append() and that reduce
        (`accuracy()`: `res.append(correct_k.mul_(100.0 / n)); return res`): their elements may
        be 0-dim, so a call of one is, for the planner and DET504's precheck, like a reduction."""
        found = set()
        for name, node in self.summarisable_functions.items():
            if not REDUCTION_CALL.search(self.code_of(node)):
                continue
            emptied = {target.id for stmt in statements(node.body, skip_definitions=True) if isinstance(stmt, ast.Assign)
                       and isinstance(stmt.value, ast.List) and not stmt.value.elts
                       for target in stmt.targets if isinstance(target, ast.Name)}
            if any(isinstance(stmt, ast.Return) and isinstance(stmt.value, ast.Name) and stmt.value.id in emptied
                   for stmt in statements(node.body, skip_definitions=True)):
                found.add(name)
        return frozenset(found)

    @cached_property
    def reducing_module_names(self) -> frozenset:
        """The words a call of a reducing module can be written with in this file: such
        classes (the file's, or imported by name from a module of the project) and what the
        file binds to expressions naming them. Where one of them occurs, a call may give a
        0-dim value: the planner's needs and the rules' prechecks read it."""
        imported = [local for local in self.project_names if self.imported_kind(local) == "module"]
        # of those, the ones the file calls (`Critic(`), found in one search
        called = set(re.findall(rf"\b({'|'.join(map(re.escape, imported))})\s*\(", self.source)) if imported else ()
        classes = set(self.reducing_module_classes) | {
            local for local in called if self.reduces(self.project_names[local])
        }
        return names_bound_to(classes, self.tree) if classes else frozenset()

    @cached_property
    def loss_function_names(self) -> frozenset:
        """The names (plain, or the attribute of `self.<name>`) that some statement of the file
        binds to an expression building a torch loss class (`crit = nn.CrossEntropyLoss()`,
        `self.criterion = nn.MSELoss().cuda()`): a superset of where the evaluator knows a
        loss function, for the rules' prechecks."""
        lines = self.lines_matching(LOSS_CALL)
        names = set()
        for node in statements(self.tree.body) if lines else ():
            if isinstance(node, ast.Assign) and spans_any(lines, node) and any(
                isinstance(inner, ast.Call) and (dotted(inner.func) or "").endswith("Loss") for inner in ast.walk(node.value)
            ):
                for target in node.targets:
                    names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
                    names |= {n.attr for n in ast.walk(target) if isinstance(n, ast.Attribute)}
        return frozenset(names)

    def lines_matching(self, pattern: re.Pattern) -> list:
        """The numbers of the lines where `pattern` matches, in order."""
        starts = self._line_starts
        return sorted({bisect_right(starts, match.start()) for match in pattern.finditer(self.source)})

    def nodes_on_lines(self, pattern: re.Pattern):
        """The file's `ast` nodes that span a line where `pattern` matches (a walk of only
        those: most of a file is passed by)."""
        lines = self.lines_matching(pattern)
        stack = list(self.tree.body) if lines else []
        while stack:
            node = stack.pop()
            if getattr(node, "lineno", None) is not None and not spans_any(lines, node):
                continue
            yield node
            stack.extend(ast.iter_child_nodes(node))

    def written_in(self, pattern: re.Pattern, node: ast.AST) -> bool:
        """Whether `pattern` matches in the lines `node` spans (a search of only those, which
        stops at the first match)."""
        starts = self._line_starts
        return pattern.search(self.source, starts[node.lineno - 1], starts[node.end_lineno]) is not None

    @cached_property
    def _line_starts(self) -> list:
        return list(accumulate((len(line) for line in physical_lines(self.source)), initial=0))

    @cached_property
    def module_names(self) -> frozenset:
        """Dotted names the file treats as modules: `D.parameters()`, `net.eval()`. Made when
        a rule first asks, by a walk of only the nodes that span a line where such a call is
        written."""
        names = set()
        for node in self.nodes_on_lines(MODULE_CALL):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MODULE_METHODS:
                name = dotted(node.func.value)
                if name:
                    names.add(name)
        return frozenset(names)


def index_file(tree: ast.Module, source: str, path: Optional[str] = None) -> FileIndex:
    """The file's index. With its `path`, the project's own modules it imports from are read
    too (project.py): a star import's torch names, module classes and plain classes at once,
    a name imported by name when it is asked about (FileIndex.imported_kind)."""
    imports = ImportTable()
    classes = []
    imported_modules, imported_plain, project_names = set(), set(), {}
    for node in module_level(tree.body):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            imports.add_ast(node)
        elif isinstance(node, ast.ClassDef):
            classes.append(node)
    own = bound_names(tree.body)
    for name in own:  # `torch = None` anywhere: the name is not torch's
        imports.rebind(name)
    project_modules: dict = {}
    if path is not None:
        project_modules = _project_modules(tree, path, own)
        project_names = _add_project_imports(tree, path, own, imports, imported_modules, imported_plain, project_modules)

    def is_module_base(base: ast.expr) -> bool:
        name = dotted(base)
        if imports.qualname_of_dotted(name) == "torch.nn.Module" or name in imported_modules:
            return True
        origin = project_names.get(name)
        other = project.module_facts(origin[0]) if origin else None
        return other is not None and origin[1] in other.module_classes

    module_classes = imported_modules | subclasses(classes, is_module_base)
    plain = frozenset(
        node.name for node in classes if all(isinstance(b, ast.Name) and b.id == "object" for b in node.bases)
    ) | imported_plain
    facts = {
        node.name: ClassFacts(
            tuple(imports.qualname_of_dotted(dotted(base)) for base in node.bases),
            frozenset(child.name for child in node.body if isinstance(child, FUNCTIONS)),
        )
        for node in classes
    }
    return FileIndex(imports, frozenset(module_classes), plain, facts, tuple(classes), tree, source, project_names,
                     project_modules, path)


def _added_into_self(node: ast.AST) -> Optional[ast.expr]:
    """What `node` adds into an attribute of `self` (as project.ADDS_INTO_SELF finds it written):
    `self.a += x`, `self.a.append(x)`; None for anything else."""
    if isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add) and _of_self(node.target):
        return node.value
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "append"
            and _of_self(node.func.value) and len(node.args) == 1):
        return node.args[0]
    return None


def _of_self(expr: ast.expr) -> bool:
    return (dotted(expr) or "").startswith("self.")


def project_index(path: str) -> Optional[FileIndex]:
    """The index of a module of the project, whose functions calls from the importing file are
    summarised by (engine.returns); None where it cannot be read or parsed. Made once per
    process for each version of the file."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return _project_index(os.path.realpath(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _project_index(path: str, mtime: int, size: int) -> Optional[FileIndex]:
    if size > project.MAX_BYTES:
        return None
    try:
        with open(path, "rb") as file:
            source = file.read().decode("utf-8")
        return index_file(parse_python(source), source, path)
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _project_modules(tree: ast.Module, path: str, own: set) -> dict:
    """`import data`, `import models.vae as vae`, `from mean_teacher import losses`, `from .
    import utils`: local name -> the project module's file."""
    found = {}
    for node in module_level(tree.body):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname is None and "." in alias.name:
                    continue  # `import a.b` binds `a`, a package
                local = alias.asname or alias.name
                module = project.module_file(path, alias.name, 0)
                if module is not None and local not in own:
                    found[local] = module
        elif isinstance(node, ast.ImportFrom):
            if node.module:  # a module of a package of the project (`from pkg import losses`)
                package = project.module_file(path, node.module, node.level)
                if package is None or os.path.basename(package) != "__init__.py":
                    continue
            for alias in node.names:
                local = alias.asname or alias.name
                if alias.name == "*" or local in own:
                    continue
                module = project.module_file(path, f"{node.module}.{alias.name}" if node.module else alias.name, node.level)
                if module is not None:
                    found[local] = module
    return found


def _add_project_imports(tree: ast.Module, path: str, own: set, imports: ImportTable, modules: set, plain: set,
                         submodules: dict) -> dict:
    """What `from <a module of the project> import *` binds, read from that module: its torch
    names into `imports`, its module classes into `modules`, its plain classes into `plain`,
    its functions with the names imported by name;
    names the file binds itself are its own. Returns the names imported by name, with where
    they come from (read when asked about). `own`: the names the file binds; `submodules`:
    the names bound to a module of the project (`from pkg import losses`)."""
    named = {}
    for node in module_level(tree.body):
        if not isinstance(node, ast.ImportFrom):
            continue
        found = project.module_file(path, node.module or "", node.level)
        if found is None:
            continue
        for alias in node.names:
            if alias.name != "*":
                local = alias.asname or alias.name
                if local not in own and local not in submodules:
                    named[local] = (found, alias.name)
                continue
            other = project.module_facts(found)
            if other is None:
                continue
            for name in (*other.torch_names, *other.module_classes, *other.plain_classes):
                if name in own or name in imports.names or not project.exported(name):
                    continue
                if name in other.torch_names:
                    imports.bind_project_name(name, other.torch_names[name])
                elif name in other.module_classes:
                    modules.add(name)
                else:
                    plain.add(name)
            for name in other.functions:  # read when asked about, as a name imported by name
                if name not in own and name not in imports.names and project.exported(name):
                    named.setdefault(name, (found, name))
    return named


def spans_any(lines: list, node: ast.AST) -> bool:
    """Whether `node` spans one of `lines` (sorted line numbers)."""
    return bisect_left(lines, node.lineno) < bisect_right(lines, node.end_lineno)


def _object_parameters(function: Optional[ast.FunctionDef]) -> dict:
    """FileIndex.object_parameters of one `def`."""
    if function is None:
        return {}
    parameters = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
    if function.name == "__init__":
        parameters = parameters[1:]
    rebound = bound_names(function.body)
    positions = {p: i for i, p in enumerate(parameters) if p not in rebound}
    found: dict = {}
    for node in _unconditional_nodes(function.body):
        use = _object_use(node, positions)
        if use is not None and use[0] not in found:
            found[use[0]] = (positions[use[0]], use[1])
    return found


def _unconditional_nodes(body: list):
    """The expression nodes of `body` that run whenever it does (a loop's body taken as run):
    statements up to the first that may leave it early (`return`, `raise`, `break`,
    `continue` somewhere in it), the tests of `if` and `while` but not their branches, not
    under `try` or `match`, nor in a conditional expression, a comprehension or a nested
    definition."""
    for statement in body:
        if isinstance(statement, (ast.If, ast.While)):
            yield from _expression_nodes(statement.test)
            if isinstance(statement, ast.While):
                yield from _unconditional_nodes(statement.body)
        elif isinstance(statement, (ast.For, ast.AsyncFor)):
            yield from _expression_nodes(statement.iter)
            yield from _unconditional_nodes(statement.body)
        elif isinstance(statement, (ast.With, ast.AsyncWith)):
            for item in statement.items:
                yield from _expression_nodes(item.context_expr)
            yield from _unconditional_nodes(statement.body)
        elif not isinstance(statement, BRANCHING_OR_DEFINING):
            yield from _expression_nodes(statement)
        if any(isinstance(node, LEAVING) for node in scope_nodes([statement], skip_definitions=True)):
            return


LEAVING = (ast.Return, ast.Raise, ast.Break, ast.Continue)
BRANCHING_OR_DEFINING = (ast.Try, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef) + tuple(
    getattr(ast, name) for name in ("Match", "TryStar") if hasattr(ast, name))  # Python 3.10, 3.11


def _expression_nodes(node: ast.AST):
    """`node` and the nodes below it that run whenever it does: not the parts of a conditional
    expression, a boolean operator's later operands, a comprehension or a lambda."""
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Lambda, ast.IfExp, ast.BoolOp, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            continue
        yield node
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def _object_use(node: ast.AST, positions: dict) -> Optional[tuple]:
    """(parameter, the use written out) where `node` uses a parameter as an object: calls it,
    or reads or calls a name on it that no tensor, number, string or container has."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in positions:
        return node.func.id, f"{node.func.id}(...)"
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in positions:
        if isinstance(node.ctx, ast.Load) and not node.attr.startswith("_") and node.attr not in torchapi.WEIGHTS_ONLY_NAMES:
            return node.value.id, f"{node.value.id}.{node.attr}"
    return None
