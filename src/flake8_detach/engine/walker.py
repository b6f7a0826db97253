"""The walk of one parsed piece: its statements in order, with the facts of each point
(branches joined, loops, with-blocks, definitions as scopes of their own), firing the rules'
events as it goes. Values come from the evaluator; changes to the facts from effects."""

from __future__ import annotations

from functools import cached_property
from typing import Iterable, Optional

import libcst as cst

from .. import torchapi
from ..syntax.cst_syntax import (
    all_params,
    dotted_name,
    first_arg,
    literal_bool,
    possibly_changed_names,
    statement_bindings,
    target_names,
)
from .effects import Effects
from .evaluator import Evaluator, arithmetic_result
from .expression_events import ExpressionEvents
from .scope_evidence import backwarded_once, runs_backward
from .facts import CONSTANT, State, Tri, Value, join_states
from .parameters import loss_function_parameters, zero_dim_parameters
from ..analysis.imports import ImportTable
from ..analysis.one_element import PARAMETER


# The comment line that closes each cell of a notebook in the joined source (notebook.py); a
# variant may end in a number instead of `>` where a cell itself holds this text.
CELL_END = "# <flake8-detach: end of cell>"


class Walker(ExpressionEvents):
    def __init__(self, module: cst.Module, index, owner: Optional[str] = None, backward_written: bool = True) -> None:
        self.module = module
        # Whether the word `backward` is in the module's code: where it is not, no function of
        # it backward()s a name, and its body need not be read for that (scope_evidence).
        self.backward_written = backward_written
        self.evaluator = Evaluator(index)
        self.evaluator.owner = owner  # a method's piece: its class
        self.owner_of_piece = owner
        self.effects = Effects(self.evaluator)
        self.hooks: dict = {}  # event name -> the rules' handlers, in registry order
        self.loops: list = []  # enclosing loop nodes, innermost last
        self.found: dict = {}  # (code, id(node)) -> Violation
        self.parents: dict = {}  # id(node) -> parent, for the statement being scanned
        self.written: set = set()  # ids of expressions written in place by that statement
        self.statement: Optional[cst.CSTNode] = None  # the statement (or compound header) being run
        self.exits: list = []  # per enclosing loop: the states at its breaks and at its continues
        self.silent = False  # finding a loop's fixpoint: no events, nothing reported
        self.scope: cst.CSTNode = module  # the module or function being walked
        self.displayed: set = set()  # ids of expression statements whose value IPython displays
        # Summarising the one function this module holds (engine.returns): the values its
        # returns give (a tuple of them for `return loss, accuracy`), and None where the end
        # of its body is reached.
        self.returns: Optional[list] = None

    @cached_property
    def _summarised(self) -> cst.CSTNode:
        """The one function this module holds, where it is summarised: a method under WRAPPER."""
        first = self.module.body[0]
        return first.body.body[0] if self.owner_of_piece is not None and isinstance(first, cst.If) else first

    @property
    def state(self) -> Optional[State]:
        return self.evaluator.state

    @state.setter
    def state(self, state: Optional[State]) -> None:
        self.evaluator.state = state

    def _returned(self, expr: Optional[cst.BaseExpression]):
        """What a `return` gives: a Value, or a tuple of them for a tuple written out."""
        if expr is None:
            return CONSTANT
        if isinstance(expr, cst.Tuple) and not any(isinstance(e, cst.StarredElement) for e in expr.elements):
            return tuple(self.value(element.value) for element in expr.elements)
        return self.value(expr)

    def value(self, expr: cst.CSTNode):
        return self.evaluator.value(expr)

    def _returns_to_backward(self) -> bool:
        """Whether the function being walked is one the planner gives a piece of its own (a
        top-level function or a method of a top-level class) and the file backward()s what it
        returns (`loss = self.compute_loss(batch); loss.backward()`)."""
        function = self.scope
        if not isinstance(function, cst.FunctionDef) or id(function) not in self._piece_functions:
            return False
        return self.evaluator.file_index.returns_to_backward(self.evaluator.owner, function.name.value)

    @cached_property
    def _piece_functions(self) -> frozenset:
        """The ids of the functions the planner makes pieces of, as this module holds them:
        top-level ones, methods of top-level classes, and a method piece's method."""
        body = self.module.body
        if self.owner_of_piece is not None and body and isinstance(body[0], cst.If):
            body = body[0].body.body  # a method's piece: the method under source_lines.WRAPPER
        found = set()
        for stmt in body:
            if isinstance(stmt, cst.FunctionDef):
                found.add(id(stmt))
            elif isinstance(stmt, cst.ClassDef):
                found.update(id(item) for item in stmt.body.body if isinstance(item, cst.FunctionDef))
        return frozenset(found)

    # ---- statements -------------------------------------------------------------------

    def run_module(self) -> None:
        self.displayed = cell_results(self.module)
        self.state = State(unbound=scope_locals(self.module))
        self.fire("on_scope_start", self.module)
        self.run_block(self.module.body)
        self.fire("on_scope_end", self.module)

    def run_block(self, body: Iterable[cst.CSTNode]) -> None:
        for stmt in body:
            if self.state is not None:
                self.run_statement(stmt)
            elif isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
                # Unreachable here, but a definition's own code is still checked (as the
                # piece shortcut, which checks each top-level definition alone, does).
                self.state = State()
                self.run_definition(stmt)
                self.state = None

    def run_suite(self, suite: cst.BaseSuite) -> None:
        self.run_block(suite.body)

    def run_statement(self, stmt: cst.CSTNode) -> None:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if self.state is None:
                    return
                self.run_small(small)
                self.evaluator.forget_values()
            return
        self.statement = stmt
        if isinstance(stmt, cst.If):
            self.run_if(stmt)
        elif isinstance(stmt, cst.For):
            self.scan(stmt.iter)
            self.run_loop(stmt, stmt.target, stmt.iter)
        elif isinstance(stmt, cst.While):
            self.scan(stmt.test)
            self.run_loop(stmt, None, None)
        elif isinstance(stmt, cst.With):
            self.run_with(stmt)
        elif isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            self.run_definition(stmt)
        elif isinstance(stmt, (cst.Try, cst.TryStar)):
            self.run_try(stmt)
        elif isinstance(stmt, cst.Match):
            self.run_match(stmt)

    def run_small(self, small: cst.BaseSmallStatement) -> None:
        self.statement = small
        if isinstance(small, cst.Expr):
            self.scan(small.value)
            self.effects.apply(small.value)
        elif isinstance(small, cst.Assign):
            self.run_assign([t.target for t in small.targets], small.value, small)
        elif isinstance(small, cst.AnnAssign):
            if small.value is not None:
                self.run_assign([small.target], small.value, small)
        elif isinstance(small, cst.AugAssign):
            self.run_augassign(small)
        elif isinstance(small, (cst.Return, cst.Raise)):
            for part in (getattr(small, "value", None), getattr(small, "exc", None)):
                if part is not None:
                    self.scan(part)
                    self.effects.apply(part)
            if isinstance(small, cst.Return):
                if small.value is not None and self._returns_to_backward():
                    self.resolve_pending(small.value)  # the caller backward()s what this returns
                self.fire("on_return", small)
                if self.returns is not None and self.scope is self._summarised and self.state is not None:
                    self.returns.append(self._returned(small.value))
            self.state = None
        elif isinstance(small, (cst.Break, cst.Continue)):
            if self.exits:  # the state reaches the loop's exit, or its next iteration
                self.exits[-1][0 if isinstance(small, cst.Break) else 1].append(self.state)
            self.state = None
        elif isinstance(small, (cst.Import, cst.ImportFrom)):
            record_import(self.evaluator.imports, small)
            self.state.forget(possibly_changed_names(small))
        elif isinstance(small, (cst.Del, cst.Global, cst.Nonlocal)):
            self.state.forget(possibly_changed_names(small))
        elif isinstance(small, cst.Assert):
            self.scan(small.test)

    def run_assign(self, targets: list, value: cst.BaseExpression, stmt: cst.CSTNode) -> None:
        self.parents.clear()
        self.written.clear()
        for target in targets:
            if isinstance(target, cst.Subscript):
                self._mark_written(target.value)
        self.scan(value, reset=False)
        for target in targets:
            self.scan_target(target)
        for target in targets:
            if isinstance(target, cst.Attribute):
                self.fire("on_attr_assign", target, value, stmt)
            elif isinstance(target, cst.Subscript):
                self.fire("on_inplace", target.value, target, "item assignment", value)
            else:
                self.fire("on_assign", target, value, stmt)
        bound = self.value(value)
        self.effects.apply(value)
        for target in targets:
            self.effects.bind(target, bound, value)

    def run_augassign(self, stmt: cst.AugAssign) -> None:
        self.parents.clear()
        self.written.clear()
        target = stmt.target
        inplace_target = target.value if isinstance(target, cst.Subscript) else target
        self._mark_written(inplace_target)
        self.scan(stmt.value, reset=False)
        self.scan_target(target)
        op = self.module.code_for_node(stmt.operator).strip()
        self.fire("on_augassign", stmt)
        self.fire("on_inplace", inplace_target, target, op, stmt.value)
        source = self.value(stmt.value)
        self.effects.apply(stmt.value)
        old = self.state.get(target.value) if isinstance(target, cst.Name) else None
        if old is None or old.tensor:  # a tensor is updated in place and stays the same tensor
            self.effects.write_inplace(inplace_target, (source,))
        else:  # a number or unknown: `x += y` rebinds x to x + y
            new = arithmetic_result((target, old), (stmt.value, source), stmt.operator, self.state.grad_mode)
            self.effects.rebind(target.value, new.but(tensor=source.tensor))

    def run_if(self, stmt: cst.If) -> None:
        self.statement = stmt
        self.scan(stmt.test)
        self.effects.apply(stmt.test)
        before = self.state
        self.state = before.copy()
        self.run_suite(stmt.body)
        after_body = self.state
        self.state = before.copy()
        if isinstance(stmt.orelse, cst.If):
            self.run_if(stmt.orelse)
        elif isinstance(stmt.orelse, cst.Else):
            self.run_suite(stmt.orelse.body)
        self.state = join_states(after_body, self.state)

    def run_loop(self, loop: cst.CSTNode, target: Optional[cst.BaseExpression], iterable) -> None:
        """The loop head's facts are a fixpoint: what holds on entry and after every iteration
        (found by running the body without events, a few times at most); then the body runs
        once more from there with the rules' events."""
        entry = self.state
        head = entry
        silent, self.silent = self.silent, True
        for _ in range(MAX_LOOP_PASSES):
            end, _, continued = self.run_iteration(loop, target, iterable, head)
            widened = join_states(entry, end, *continued)
            if widened == head:
                break
            head = widened
        else:  # not settled: forget at the head what the body may change
            head = entry.copy()
            head.forget(possibly_changed_names(loop.body))
        self.silent = silent
        self.loops.append(loop)
        end, broken, continued = self.run_iteration(loop, target, iterable, head, events=True)
        self.loops.pop()
        exit_state = join_states(head, end, *continued)
        if loop.orelse is not None and exit_state is not None:
            self.state = exit_state
            self.run_suite(loop.orelse.body)
            exit_state = self.state
        self.state = join_states(exit_state, *broken)
        if self.state is not None:
            self.effects.freeze_after(loop)

    def run_iteration(self, loop, target, iterable, head: State, events: bool = False) -> tuple:
        """Run the body once from `head`: (the state at its end, those at `break`s, those at
        `continue`s)."""
        self.state = head.copy()
        self.evaluator.forget_values()
        if target is not None:
            self.effects.unknown(target_names(target))
            self.effects.bind_iteration(target, iterable)
        self.exits.append(([], []))
        if events:
            self.fire("on_loop", loop)
        self.run_suite(loop.body)
        broken, continued = self.exits.pop()
        return self.state, broken, continued

    def run_with(self, stmt: cst.With) -> None:
        outer_mode = self.state.grad_mode
        for item in stmt.items:
            self.scan(item.item)
            self.fire("on_with_item", item.item)
            self.effects.apply(item.item)
            if not isinstance(item.item, cst.Call) and self.evaluator.qualname(item.item) in torchapi.GRAD_MODE_SETTERS:
                self.state = None  # `with torch.no_grad:` (the class, not an instance) raises TypeError
                return
            self.state.grad_mode = self.grad_mode_inside(item.item, self.state.grad_mode)
            if item.asname is not None:
                self.effects.unknown(target_names(item.asname.name))
        self.run_suite(stmt.body)
        if self.state is not None:
            self.state.grad_mode = outer_mode

    def grad_mode_inside(self, manager: cst.BaseExpression, current: Tri) -> Tri:
        """The grad mode inside `with manager:`; unknown for managers that might change it."""
        callee = manager.func if isinstance(manager, cst.Call) else manager
        name = self.evaluator.qualname(callee)
        if name in torchapi.GRAD_MODE_SETTERS:
            return grad_mode_set_by(name, manager, current)
        last = callee.attr.value if isinstance(callee, cst.Attribute) else getattr(callee, "value", None)
        return current if last in torchapi.GRAD_NEUTRAL_CONTEXTS else None

    def run_definition(self, stmt) -> None:
        self.statement = stmt
        mode: Tri = True
        for decorator in stmt.decorators:
            self.scan(decorator.decorator)
            self.fire("on_decorator", decorator, stmt)
            callee = decorator.decorator
            name = self.evaluator.qualname(callee.func if isinstance(callee, cst.Call) else callee)
            if name in torchapi.GRAD_MODE_SETTERS:
                mode = grad_mode_set_by(name, callee, True)
        outer = (self.state, self.loops, self.exits, self.evaluator.imports, self.evaluator.owner, self.scope,
                 self.evaluator.locals, self.evaluator.backwarded_once, self.evaluator.parameters)
        if isinstance(stmt, cst.ClassDef):
            self.evaluator.owner = stmt.name.value  # its methods' `self` is one of these
        if isinstance(stmt, cst.FunctionDef):
            for param in all_params(stmt.params):
                if param.default is not None:
                    self.scan(param.default)
            self.evaluator.imports = self.evaluator.imports.copy()
        local_names = scope_locals(stmt)
        if isinstance(stmt, cst.FunctionDef):
            params = {param.name.value for param in all_params(stmt.params)}
            for local in local_names | params:
                self.evaluator.imports.rebind(local)  # `def f(torch)`: a local, not the module
            enclosing = self.evaluator.locals or frozenset()  # a nested function's free names are its enclosing one's
            self.evaluator.locals = frozenset(local_names | params) | enclosing
            self.evaluator.parameters = self._parameters_given_losses(stmt, params)
            self.evaluator.backwarded_once = backwarded_once(stmt) if self.backward_written else frozenset()
        else:
            for arg in stmt.bases:
                self.scan(arg.value)
            self.evaluator.locals = None  # a class body
            self.evaluator.parameters = frozenset()
        self.state, self.loops, self.exits = State(mode, unbound=local_names), [], []
        if isinstance(stmt, cst.FunctionDef) and self.evaluator.owner is None and id(stmt) in self._piece_functions:
            for param in zero_dim_parameters(self.evaluator.file_index, stmt.name.value):
                self.state.set(param, Value(zero_dim=True))  # every call of it in the file passes a 0-dim value
            for param, value in loss_function_parameters(self.evaluator.file_index, stmt.name.value).items():
                self.state.set(param, value)  # every call of it in the file passes a torch loss function
        if isinstance(stmt, cst.FunctionDef):
            self.scope = stmt
        is_function = isinstance(stmt, cst.FunctionDef)
        if is_function:
            self.fire("on_scope_start", stmt)
        self.run_suite(stmt.body)
        if self.returns is not None and stmt is self._summarised and self.state is not None:
            self.returns.append(CONSTANT)  # the end of the body: None is returned
        if is_function:
            self.fire("on_scope_end", stmt)
        (self.state, self.loops, self.exits, self.evaluator.imports, self.evaluator.owner, self.scope,
         self.evaluator.locals, self.evaluator.backwarded_once, self.evaluator.parameters) = outer
        self.effects.unknown([stmt.name.value])

    def _parameters_given_losses(self, function: cst.FunctionDef, params: set) -> frozenset:
        """The parameters through which a loss callable given to this function gives one
        element, as a function of the file that backward()s its same-named parameter's results
        shows (one_element_losses' PARAMETER): only where this function runs no backward()
        itself (an evaluation), whose own evidence would say otherwise."""
        losses = self.evaluator.file_index.one_element_losses
        if not any(owner == PARAMETER for owner, _, _ in losses) or runs_backward(function):
            return frozenset()
        return frozenset(params - statement_bindings(function.body))  # never rebound

    def run_try(self, stmt) -> None:
        before = self.state
        self.state = before.copy()
        self.run_suite(stmt.body)
        if stmt.orelse is not None and self.state is not None:
            self.run_suite(stmt.orelse.body)
        result = self.state
        handler_start = before.copy()
        handler_start.forget(possibly_changed_names(stmt.body))
        for handler in stmt.handlers:
            self.state = handler_start.copy()
            if handler.type is not None:
                self.statement = handler
                self.scan(handler.type)
            if handler.name is not None:
                self.effects.unknown(target_names(handler.name.name))
            self.run_suite(handler.body)
            result = join_states(result, self.state)
        if stmt.finalbody is not None:
            self.state = result if result is not None else handler_start.copy()
            self.run_suite(stmt.finalbody.body)
            if result is None:
                self.state = None
        else:
            self.state = result

    def run_match(self, stmt: cst.Match) -> None:
        self.scan(stmt.subject)
        before = self.state
        result = before.copy()  # no case matched
        for case in stmt.cases:
            self.state = before.copy()
            self.state.forget(possibly_changed_names(case.pattern))
            self.run_suite(case.body)
            result = join_states(result, self.state)
        self.state = result


MAX_LOOP_PASSES = 3  # the lattice is small: facts settle in one or two passes


def scope_locals(scope: cst.CSTNode) -> frozenset:
    """The names a module, class or function binds in its own code (not unbound: its
    parameters): unbound where its code begins."""
    names = statement_bindings(scope.body if isinstance(scope, (cst.FunctionDef, cst.ClassDef)) else scope)
    if isinstance(scope, cst.FunctionDef):
        names -= {param.name.value for param in all_params(scope.params)}
    return frozenset(names)


def grad_mode_set_by(name: str, expr: cst.BaseExpression, current: Tri) -> Tri:
    """Grad mode set by `torch.no_grad()`, `set_grad_enabled(False)`, `inference_mode()`..."""
    mode = torchapi.GRAD_MODE_SETTERS[name]
    arg = first_arg(expr, "mode") if isinstance(expr, cst.Call) else None
    if name == "torch.set_grad_enabled":
        return literal_bool(arg)
    if arg is None:
        return mode
    flag = literal_bool(arg)
    if flag is True:
        return mode
    return current if flag is False and name == "torch.enable_grad" else None


def record_import(imports: ImportTable, stmt) -> None:
    """What an `import` statement (in libcst) binds."""
    if isinstance(stmt, cst.Import):
        for alias in stmt.names:
            module = dotted_name(alias.name)
            if module is not None:
                imports.bind_import(module, _asname(alias))
    elif not isinstance(stmt.names, cst.ImportStar):
        module = dotted_name(stmt.module) if stmt.module is not None and not stmt.relative else ""
        for alias in stmt.names:
            name = dotted_name(alias.name)
            if name is not None:  # a relative import ("" module) is never torch
                imports.bind_from_import(module or "", name, _asname(alias))


def _asname(alias: cst.ImportAlias) -> Optional[str]:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return None


def cell_results(module: cst.Module) -> set:
    """The ids of the expression statements that end a notebook cell: IPython displays their
    value, unless a semicolon follows."""
    body = module.body
    found = set()
    for position, statement in enumerate(body):
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        last = statement.body[-1]
        if not isinstance(last, cst.Expr) or isinstance(last.semicolon, cst.Semicolon):
            continue
        # Only blank and comment lines come between it and the next statement: it ends a cell
        # where the end-of-cell comment is one of them (after the cell's own trailing comments).
        after = body[position + 1].leading_lines if position + 1 < len(body) else module.footer
        if any(line.comment is not None and line.comment.value.startswith(CELL_END[:-1]) for line in after):
            found.add(id(last))
    return found
