"""The one object rules see (`self.ctx`): what is known at the point of the walk where an
event fires, and how to report. Rules read facts only through this API."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import libcst as cst

from ..analysis.file_index import project_index
from ..syntax.cst_syntax import dotted_name, keyword_arg, method_name, walk
from .facts import Tri, Value
from ..findings import Violation

if TYPE_CHECKING:
    from .walker import Walker


class RuleContext:
    def __init__(self, walker: Walker) -> None:
        self._walker = walker
        self._evaluator = walker.evaluator
        self._training_scopes: dict = {}  # id(function) -> whether it runs backward() or step()

    # ---- where the walk is ------------------------------------------------------------

    @property
    def scope(self) -> cst.CSTNode:
        """The module or function whose body is being walked (innermost)."""
        return self._walker.scope

    @property
    def statement(self) -> Optional[cst.CSTNode]:
        """The small statement being run, or the compound statement whose header (an `if`
        test, a loop's iterable, a decorator, an `except` type) is being scanned."""
        return self._walker.statement

    @property
    def loops(self) -> tuple:
        """The loops (For/While nodes) around the current point of this scope, innermost last."""
        return tuple(self._walker.loops)

    @property
    def result_is_displayed(self) -> bool:
        """Whether the expression statement being run ends a notebook cell, so that IPython
        displays its value: the value is used, not discarded."""
        return id(self._walker.statement) in self._walker.displayed

    @property
    def grad_mode(self) -> Tri:
        """Whether autograd records ops here: True, False (no_grad...) or None (unknown)."""
        return self._evaluator.state.grad_mode

    def grad_mode_is_evident(self) -> bool:
        """Whether grad mode is on when this code runs as surely as the walk assumes it is: in
        module-level code, a module's `__init__` or `forward`, or a function that itself runs
        backward() or an optimizer step. Another function may be called under `no_grad()`
        (weight copying and conversion helpers are)."""
        scope = self._walker.scope
        if not isinstance(scope, cst.FunctionDef) or scope.name.value in ("__init__", "forward"):
            return True
        known = self._training_scopes.get(id(scope))
        if known is None:
            known = self._training_scopes[id(scope)] = any(
                isinstance(node, cst.Call) and method_name(node) in ("backward", "step") for node in walk(scope.body)
            )
        return known

    @property
    def enclosing_class(self):
        """The facts (file_index.ClassFacts: torch bases, method names) of the class whose body
        or method the walk is in, or None."""
        return self._evaluator.classes.get(self._evaluator.owner)

    @property
    def in_evaluated_module_class(self) -> bool:
        """Whether the walk is in a method of a torch.nn.Module subclass of the file some
        instance of which the file switches to eval mode (FileIndex.evaluated_classes), or that
        a script importing the file may (FileIndex.evaluated_by_importers)."""
        owner = self._evaluator.owner
        index = self._evaluator.file_index
        return owner in self._evaluator.module_classes and (owner in index.evaluated_classes or index.evaluated_by_importers)

    @property
    def classes(self) -> dict:
        """The classes of the file: name -> file_index.ClassFacts."""
        return self._evaluator.classes

    def parent(self, node: cst.CSTNode) -> Optional[cst.CSTNode]:
        """The parent of a node of the statement being scanned."""
        return self._walker.parents.get(id(node))

    def is_written(self, node: cst.CSTNode) -> bool:
        """Whether the statement being scanned writes into `node` (or a view of it) in place."""
        return id(node) in self._walker.written

    # ---- what is known ----------------------------------------------------------------

    def value(self, expr: cst.CSTNode) -> Value:
        """What local evidence proves about the value of `expr` here (facts.Value)."""
        return self._evaluator.value(expr)

    def element_value(self, comprehension: cst.CSTNode) -> Value:
        """The value of a list comprehension's or generator's element, the names its `for`s
        bind unknown."""
        return self._evaluator.element_value(comprehension)

    def value_of_name(self, name: str) -> Value:
        """What is known here of the value bound to the local `name`."""
        return self._evaluator.state.get(name)

    @property
    def imports_torch(self) -> bool:
        """Whether torch (or part of it) is imported where the walk is: without it, nothing
        the code handles is evidently a torch tensor."""
        return bool(self._evaluator.imports.names)

    @property
    def uses_gradients(self) -> bool:
        """Whether the file asks autograd for gradients anywhere: `backward()`,
        `autograd.grad()`, a `.grad` read or an optimizer (hand-written backprop does not)."""
        return self._evaluator.file_index.uses_gradients

    def calls_own_method(self, call: cst.Call) -> bool:
        """Whether `x.m(...)` calls a method `m` that a class of this file defines, not
        torch's: x is an instance of a plain class of the file (`DecoderState.detach()`)."""
        return self._evaluator.calls_own_method(call)

    def kept_arguments(self, call: cst.Call) -> list:
        """The arguments of `x.m(...)` that the method keeps in its instance across calls
        (`meter.update(loss, n)` where `update` does `self.sum += val * n`): `x` built from a
        class of the file or the project (FileIndex.accumulated_parameters)."""
        func = call.func
        built = self.value(func.value).built_from if isinstance(func, cst.Attribute) else None
        if built is None:
            return []
        index = self._evaluator.file_index if built[0] is None else project_index(built[0])
        kept = index.accumulated_parameters(built[1], func.attr.value) if index is not None else ()
        positional = [arg.value for arg in call.args if arg.keyword is None and not arg.star]
        return [positional[i] for i in sorted(kept) if i < len(positional) and not any(a.star for a in call.args[:i + 1])]

    def object_arguments(self, call: cst.Call) -> list:
        """(argument, how the callee uses it) for the arguments of a call of a function or class
        of the file or the project that the callee uses as an object on every call
        (FileIndex.object_parameters: `NMT(args, vocab)` whose `__init__` reads `vocab.src`)."""
        evaluator = self._evaluator
        name = dotted_name(call.func)
        if name is None or name.partition(".")[0] in (evaluator.locals or ()):
            return []
        origin = evaluator.file_index.origin(name)
        index = project_index(origin[0]) if origin is not None else evaluator.file_index
        used = index.object_parameters(origin[1] if origin is not None else name) if index is not None else {}
        if not used:
            return []
        positional = [arg.value for arg in call.args if arg.keyword is None and not arg.star]
        starred = next((i for i, arg in enumerate(call.args) if arg.star), len(call.args))
        found = []
        for parameter, (position, use) in used.items():
            given = keyword_arg(call, parameter)
            if given is None and position < min(len(positional), starred):
                given = positional[position]
            if given is not None:
                found.append((given, use))
        return found

    @property
    def attributes_read(self) -> frozenset:
        """The names of the attributes the file reads anywhere (`x.lr` not assigned to)."""
        return self._evaluator.file_index.attributes_read

    def qualname(self, expr: cst.BaseExpression) -> Optional[str]:
        """The canonical torch name `expr` refers to (`torch.nn.functional.relu` for
        `F.relu`), or None when it is not a torch name."""
        return self._evaluator.qualname(expr)

    def names_sharing(self, alias: cst.Call) -> list:
        """Local names bound here to (views of) the result of the `detach()` call `alias`."""
        return [name for name, value in self._evaluator.state.names.items() if value.alias is alias]

    def names_whose_graph_saved(self, name: str) -> list:
        """Local names whose graph saved the tensor now bound to `name` and was not yet freed
        by a backward()."""
        return self._walker.effects.names_whose_graph_saved(name)

    def text(self, node: cst.CSTNode, limit: int = 40) -> str:
        """The code of `node` on one line, cut to `limit` characters, for messages."""
        code = " ".join(self._walker.module.code_for_node(node).split())
        return code if len(code) <= limit else code[: limit - 3] + "..."

    # ---- reporting --------------------------------------------------------------------

    def report(self, violation: Violation) -> None:
        """A finding (one per code and node)."""
        self._walker.found.setdefault((violation.code, id(violation.node)), violation)

    def pend(self, carrier: cst.CSTNode, violation: Violation) -> None:
        """Report `violation` once the value of `carrier` reaches backward()."""
        self._evaluator.pend(carrier, frozenset((violation,)))

    def pend_on_name(self, name: str, violation: Violation) -> None:
        """Report `violation` once the tensor now bound to `name` reaches backward()."""
        state = self._evaluator.state
        old = state.get(name)
        state.set(name, old.but(pending=old.pending | {violation}))
        self._evaluator.forget_values()
