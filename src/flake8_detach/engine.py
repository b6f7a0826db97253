"""source -> findings: a text prefilter, an `ast` index, a libcst parse of the pieces that
can produce a finding (regions.py), and one walk per piece shared by all rules.

The walk interprets each scope's statements in order and keeps flow-sensitive facts per
local name (facts.State). At each event (a call, an in-place write, a backward(), an
attribute read, an assignment, a loop) it asks the interested rules, which read facts
through this object (their `ctx`) and report. Positions are computed only for pieces
with findings.
"""

from __future__ import annotations

import ast
import sys
import warnings
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Optional, Sequence

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from . import torchapi
from .facts import (
    CONSTANT,
    FACTORY,
    LOSS,
    LOSS_FUNCTION,
    MODULE,
    NAMED_PARAMETERS,
    OUTPUT,
    PARAMETER,
    PARAMETERS,
    UNKNOWN,
    State,
    Tri,
    Value,
    any_grad,
    join_states,
    op_result,
)
from .regions import FileIndex, Needs, Piece, candidate_pieces, index_file, physical_lines
from .rules import RULES
from .rules._base import Fix, Violation, first_arg, keyword_arg, retains_graph
from .syntax import (
    INNER_SCOPES,
    children,
    last_name,
    possibly_changed_names,
    target_names,
    view_chain,
    viewed_base,
    viewed_name,
)

EVENTS = (
    "on_call",  # (call)
    "on_inplace",  # (target, site, op, source): `target` is written in place
    "on_backward",  # (call, tensor): backward() / autograd.grad on `tensor`
    "on_attribute",  # (attribute): an attribute read
    "on_assign",  # (target, value, statement): a name or tuple bound
    "on_attr_assign",  # (target, value, statement): `obj.attr = value`
    "on_augassign",  # (statement)
    "on_loop",  # (loop)
    "on_scope_start",  # (scope): a module or function body begins
    "on_scope_end",  # (scope): it ends
)

# Builtins that neither keep nor change what is known about their arguments.
PURE_BUILTINS = frozenset(
    """print len isinstance issubclass float int str repr type id hash round abs min max sum
    sorted bool format any all callable hasattr getattr vars dir range""".split()
)
BINARY_METHODS = frozenset(
    """add sub mul div matmul mm bmm dot outer pow where masked_fill index_add scatter scatter_add
    lerp addcmul addcdiv addmm baddbmm maximum minimum atan2 hypot fmod remainder true_divide
    cross expand_as view_as type_as reshape_as""".split()
)
SAVING_OPERATORS = (cst.Multiply, cst.Divide, cst.Power, cst.MatrixMultiply)
TENSOR_KEYWORDS = frozenset("input other weight bias target tensor tensors mat1 mat2 vec exponent".split())


@lru_cache(maxsize=None)
def needs_of(rules: tuple) -> Needs:
    """The needs of a selection of rules: built once per selection (the CLI's --select)."""
    return Needs(rules)


MAX_PIECE_LINES = 50_000
DEEP_RECURSION = 30_000


def check_source(
    source: str, rules: Sequence[type] = RULES, tree: Optional[ast.Module] = None, whole_file: bool = False
) -> list:
    """All violations in `source`, sorted by position.

    `tree` is the file's `ast` tree, where the caller has it (flake8 does). libcst parses only
    the pieces of the file that can produce a finding; `whole_file=True` analyses the whole file
    in one piece instead, the reference that the shortcut is tested against.
    """
    if tree is None:  # not from flake8: parse first, so any file Python rejects is reported
        try:
            tree = parse_python(source)
        except SyntaxError as error:
            return [parse_failure(f"cannot parse this file: {error.msg}", error.lineno or 1, (error.offset or 1) - 1)]
        except ValueError as error:  # source code with NUL bytes, on older Pythons
            return [parse_failure(f"cannot parse this file: {error}", 1, 0)]
        except (RecursionError, MemoryError):
            return [parse_failure("cannot parse this file: too deeply nested for Python's own parser", 1, 0)]
    needs = needs_of(tuple(rules))
    telling = needs.telling_offsets(source)
    if not telling:
        return []
    index = index_file(tree)
    if whole_file:
        pieces = [Piece(source, 0)]
    else:
        widened = needs.for_file(index.imports)
        if widened is not needs:  # torch names imported under other names: look again
            telling = widened.telling_offsets(source)
        pieces = candidate_pieces(source, tree, widened, telling, index.imports)
    violations = []
    for piece in pieces:
        size = sum(1 for line in physical_lines(piece.code) if line.strip())
        if size > MAX_PIECE_LINES:  # libcst needs gigabytes for a scope this long
            message = f"a scope of {size} lines of code is too long to analyse (the limit is {MAX_PIECE_LINES})"
            violations.append(parse_failure(message, piece.line_offset + 1, 0))
            continue
        try:
            module = cst.parse_module(piece.code)
        except cst.ParserSyntaxError as error:
            line = error.raw_line + piece.line_offset
            return [parse_failure(f"libcst cannot parse this file: {error.message}", line, error.raw_column)]
        except (RecursionError, MemoryError):
            message = "libcst cannot parse this file: too deeply nested"
            return [parse_failure(message, piece.line_offset + 1, 0)]
        violations += analyse(module, rules, index, piece.line_offset)
    return sorted(violations, key=lambda v: (v.line, v.col, v.code))


def parse_python(source: str) -> ast.Module:
    """Python's own parse of `source`. Its warnings (an invalid escape, say) are about the
    checked code, which is not this linter's to judge, so they are not printed."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(source)


def parses_as_python(source: str) -> bool:
    try:
        parse_python(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def check_module(module: cst.Module, rules: Sequence[type] = RULES) -> list:
    """All violations in a whole parsed module (its nodes are `module`'s own: fixes swap them)."""
    return analyse(module, rules, index_file(parse_python(module.code)), 0)


def analyse(module: cst.Module, rules: Sequence[type], index: FileIndex, line_offset: int) -> list:
    analysis = Analysis(module, rules, index)
    try:
        with recursion_limit(DEEP_RECURSION):
            analysis.run_module()
            violations = analysis.violations()
    except RecursionError:
        return [parse_failure("too deeply nested to analyse", 1 + line_offset, 0)]
    return [replace(v, line=v.line + line_offset) for v in violations]


@contextmanager
def recursion_limit(limit: int):
    """Expressions are evaluated, and positions found, recursively: nesting that Python's own
    parser accepts (up to about 3,000 levels) needs several frames a level."""
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(max(before, limit))
    try:
        yield
    finally:
        sys.setrecursionlimit(before)


def parse_failure(message: str, line: int, col: int) -> Violation:
    return Violation("DET000", message, None, max(line, 1), max(col, 0))


class Analysis:
    """One file's walk; also the `ctx` that rules query."""

    def __init__(self, module: cst.Module, rules: Sequence[type], index: FileIndex) -> None:
        self.module = module
        self.imports = index.imports.copy()  # a function's own imports are its own
        self.module_classes = index.module_classes
        self.state: Optional[State] = State()
        self.loops: list = []  # enclosing loop nodes, innermost last
        self.found: dict = {}  # (code, id(node)) -> Violation
        self.memo: dict = {}  # id(expr) -> Value, valid until the state changes
        self.pending: dict = {}  # id(expr) -> frozenset of Violations to report if it reaches backward()
        self.parents: dict = {}  # id(node) -> parent, for the statement being scanned
        self.written: set = set()  # ids of expressions written in place by that statement
        self.statement: Optional[cst.CSTNode] = None  # the simple statement being run
        instances = [rule(self) for rule in rules]
        self.hooks = {
            event: [getattr(rule, event) for rule in instances if hasattr(rule, event)] for event in EVENTS
        }

    # ---- the API rules use -------------------------------------------------------------

    @property
    def grad_mode(self) -> Tri:
        return self.state.grad_mode

    def value(self, expr: cst.CSTNode) -> Value:
        key = id(expr)
        value = self.memo.get(key)
        if value is None:
            value = self._evaluate(expr)
            extra = self.pending.get(key)
            if extra:
                value = value.but(pending=value.pending | extra)
            self.memo[key] = value
        return value

    def qualname(self, expr: cst.BaseExpression) -> Optional[str]:
        return self.imports.qualname(expr)

    def text(self, node: cst.CSTNode, limit: int = 40) -> str:
        code = " ".join(self.module.code_for_node(node).split())
        return code if len(code) <= limit else code[: limit - 3] + "..."

    def parent(self, node: cst.CSTNode) -> Optional[cst.CSTNode]:
        return self.parents.get(id(node))

    def is_written(self, node: cst.CSTNode) -> bool:
        return id(node) in self.written

    def report(self, code: str, message: str, node: cst.CSTNode, fix: Optional[Fix] = None) -> None:
        self.found.setdefault((code, id(node)), Violation(code, message, node, fix=fix))

    def pend(self, carrier: cst.CSTNode, violation: Violation) -> None:
        """Report `violation` once the value of `carrier` reaches backward()."""
        key = id(carrier)
        self.pending[key] = self.pending.get(key, frozenset()) | {violation}
        self.memo.clear()

    def pend_on_name(self, name: str, violation: Violation) -> None:
        """Report `violation` once the tensor now bound to `name` reaches backward()."""
        old = self.state.get(name)
        self.state.names[name] = old.but(pending=old.pending | {violation})
        self.memo.clear()

    def names_whose_graph_saved(self, name: str) -> list:
        """Local names whose graph saved the tensor now bound to `name`."""
        return [other for other, value in self.state.names.items() if name in value.saved_names]

    # ---- results ----------------------------------------------------------------------

    def violations(self) -> list:
        if not self.found:
            return []
        positions = MetadataWrapper(self.module, unsafe_skip_copy=True).resolve(PositionProvider)
        placed = []
        for violation in self.found.values():
            start = positions[violation.node].start
            placed.append(replace(violation, line=start.line, col=start.column))
        placed.sort(key=lambda v: (v.line, v.col, v.code))
        return placed

    # ---- statements -------------------------------------------------------------------

    def run_module(self) -> None:
        self.fire("on_scope_start", self.module)
        self.run_block(self.module.body)
        self.fire("on_scope_end", self.module)

    def run_block(self, body: Iterable[cst.CSTNode]) -> None:
        for stmt in body:
            if self.state is not None:
                self.run_statement(stmt)
            elif isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
                # Unreachable here, but a definition's own code is still checked (as the
                # region shortcut, which checks each top-level definition alone, does).
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
                self.memo.clear()
        elif isinstance(stmt, cst.If):
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
            self.apply_effects(small.value)
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
                    self.apply_effects(part)
            self.state = None
        elif isinstance(small, (cst.Break, cst.Continue)):
            self.state = None
        elif isinstance(small, (cst.Import, cst.ImportFrom)):
            self.imports.add(small)
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
        self.apply_effects(value)
        for target in targets:
            self.bind(target, bound, value)

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
        self.apply_effects(stmt.value)
        old = self.state.get(target.value) if isinstance(target, cst.Name) else None
        if old is None or old.tensor:  # a tensor is updated in place and stays the same tensor
            self.write_inplace(inplace_target, (source,))
        else:  # a number or unknown: `x += y` rebinds x to x + y
            new = op_result((old, source), self.state.grad_mode)
            self.rebind(target.value, new.but(tensor=source.tensor))

    def bind(self, target: cst.BaseExpression, value: Value, value_expr: Optional[cst.BaseExpression]) -> None:
        if isinstance(target, cst.Name):
            self.rebind(target.value, value)
        elif isinstance(target, (cst.Tuple, cst.List)):
            elements = [e.value for e in target.elements]
            if (
                isinstance(value_expr, (cst.Tuple, cst.List))
                and len(value_expr.elements) == len(elements)
                and not any(isinstance(e, cst.StarredElement) for e in value_expr.elements)
                and not any(isinstance(e, cst.StarredElement) for e in target.elements)
            ):
                for element, source in zip(elements, value_expr.elements):
                    self.bind(element, self.value(source.value), source.value)
            else:
                self.state.forget(target_names(target))
        elif isinstance(target, cst.Subscript):
            self.write_inplace(target.value, (value,))
        elif isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name):
            if target.attr.value == "requires_grad":
                self.set_requires_grad(target.value.value, literal_bool(value_expr))
        elif isinstance(target, cst.StarredElement):
            self.state.forget(target_names(target))

    def rebind(self, name: str, value: Value) -> None:
        """Bind `name` to a new tensor: graphs that saved the old one did not save this one."""
        names = self.state.names
        for other in self.names_whose_graph_saved(name):
            names[other] = names[other].but(saved_names=names[other].saved_names - {name})
        if value.saved_itself:
            value = value.but(saved_itself=False, saved_names=value.saved_names | {name})
        names[name] = value

    def run_if(self, stmt: cst.If) -> None:
        self.scan(stmt.test)
        self.apply_effects(stmt.test)
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
        # A fact that the body may change cannot hold at the loop head: forget it there.
        head = self.state.copy()
        head.forget(possibly_changed_names(loop.body))
        if target is not None:
            head.forget(target_names(target))
        self.state = head.copy()
        if target is not None:
            self.bind_iteration(target, iterable)
        self.loops.append(loop)
        self.fire("on_loop", loop)
        self.run_suite(loop.body)
        self.loops.pop()
        if self.state is not None and self.state.grad_mode != head.grad_mode:
            head.grad_mode = None
        self.state = head
        if loop.orelse is not None:
            self.run_suite(loop.orelse.body)
            self.state = join_states(self.state, head)

    def bind_iteration(self, target: cst.BaseExpression, iterable: cst.BaseExpression) -> None:
        """Bind a for-loop target from what is known of the iterated values."""
        if isinstance(iterable, cst.Call) and isinstance(iterable.func, cst.Name) and isinstance(
            target, (cst.Tuple, cst.List)
        ):
            args = [a.value for a in iterable.args if a.keyword is None and not a.star]
            elements = [e.value for e in target.elements]
            if iterable.func.value == "zip" and len(args) == len(elements):
                for element, arg in zip(elements, args):
                    self.bind_iteration(element, arg)
                return
            if iterable.func.value == "enumerate" and args and len(elements) == 2:
                self.bind(elements[0], CONSTANT, None)
                self.bind_iteration(elements[1], args[0])
                return
        kind = self.value(iterable).kind
        if kind == PARAMETERS:
            self.bind(target, PARAMETER, None)
        elif kind == NAMED_PARAMETERS and isinstance(target, (cst.Tuple, cst.List)) and len(target.elements) == 2:
            self.bind(target.elements[1].value, PARAMETER, None)

    def run_with(self, stmt: cst.With) -> None:
        outer_mode = self.state.grad_mode
        for item in stmt.items:
            self.scan(item.item)
            self.apply_effects(item.item)
            self.state.grad_mode = self.grad_mode_inside(item.item, self.state.grad_mode)
            if item.asname is not None:
                self.state.forget(target_names(item.asname.name))
        self.run_suite(stmt.body)
        if self.state is not None:
            self.state.grad_mode = outer_mode

    def grad_mode_inside(self, manager: cst.BaseExpression, current: Tri) -> Tri:
        """The grad mode inside `with manager:`; unknown for managers that might change it."""
        callee = manager.func if isinstance(manager, cst.Call) else manager
        name = self.qualname(callee)
        if name in torchapi.GRAD_MODE_SETTERS:
            return self._grad_mode_set_by(name, manager, current)
        last = callee.attr.value if isinstance(callee, cst.Attribute) else getattr(callee, "value", None)
        return current if last in torchapi.GRAD_NEUTRAL_CONTEXTS else None

    def _grad_mode_set_by(self, name: str, expr: cst.BaseExpression, current: Tri) -> Tri:
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

    def run_definition(self, stmt) -> None:
        mode: Tri = True
        for decorator in stmt.decorators:
            self.scan(decorator.decorator)
            callee = decorator.decorator
            name = self.qualname(callee.func if isinstance(callee, cst.Call) else callee)
            if name in torchapi.GRAD_MODE_SETTERS:
                mode = self._grad_mode_set_by(name, callee, True)
        outer = (self.state, self.loops, self.imports)
        if isinstance(stmt, cst.FunctionDef):
            for param in _all_params(stmt.params):
                if param.default is not None:
                    self.scan(param.default)
            self.imports = self.imports.copy()
        else:
            for arg in stmt.bases:
                self.scan(arg.value)
        self.state, self.loops = State(mode), []
        is_function = isinstance(stmt, cst.FunctionDef)
        if is_function:
            self.fire("on_scope_start", stmt)
        self.run_suite(stmt.body)
        if is_function:
            self.fire("on_scope_end", stmt)
        self.state, self.loops, self.imports = outer
        self.state.forget([stmt.name.value])

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
                self.scan(handler.type)
            if handler.name is not None:
                self.state.forget(target_names(handler.name.name))
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

    # ---- expressions: events ----------------------------------------------------------

    def fire(self, event: str, *args) -> None:
        for hook in self.hooks[event]:
            hook(*args)

    def scan(self, expr: cst.CSTNode, reset: bool = True) -> None:
        """Fire the expression events of `expr` and everything below it."""
        if reset:
            self.parents.clear()
            self.written.clear()
        stack = [expr]
        while stack:
            node = stack.pop()
            kind = type(node)  # `is` tests: isinstance on libcst's ABC node classes is slow
            if kind is cst.Call:
                self.scan_call(node)
            elif kind is cst.Attribute:
                self.fire("on_attribute", node)
            elif kind in INNER_SCOPES:
                self.scan_inner_scope(node)
                continue
            kids = list(children(node))
            for kid in kids:
                self.parents[id(kid)] = node
            stack.extend(reversed(kids))

    def scan_target(self, target: cst.BaseExpression) -> None:
        """Scan the expressions inside an assignment target that are read, not bound."""
        if isinstance(target, cst.Attribute):
            self.scan(target.value, reset=False)
        elif isinstance(target, cst.Subscript):
            self.scan(target.value, reset=False)
            for element in target.slice:
                self.scan(element, reset=False)
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self.scan_target(element.value)
        elif isinstance(target, cst.StarredElement):
            self.scan_target(target.value)

    def scan_inner_scope(self, node: cst.CSTNode) -> None:
        """Lambdas and comprehensions: their own names shadow the scope's while they run."""
        saved = self.state.copy()
        if isinstance(node, cst.Lambda):
            self.state.forget(p.name.value for p in _all_params(node.params))
            self.scan(node.body, reset=False)
        else:
            self._scan_comprehension(node.for_in)
            for part in (getattr(node, "elt", None), getattr(node, "key", None), getattr(node, "value", None)):
                if part is not None:
                    self.scan(part, reset=False)
        self.state = saved
        self.memo.clear()

    def _scan_comprehension(self, comp_for: cst.CompFor) -> None:
        self.scan(comp_for.iter, reset=False)
        self.state.forget(target_names(comp_for.target))
        self.bind_iteration(comp_for.target, comp_for.iter)
        self.memo.clear()
        for condition in comp_for.ifs:
            self.scan(condition.test, reset=False)
        if comp_for.inner_for_in is not None:
            self._scan_comprehension(comp_for.inner_for_in)

    def scan_call(self, call: cst.Call) -> None:
        self.fire("on_call", call)
        func = call.func
        name = self.qualname(func)
        if name is None:
            if isinstance(func, cst.Attribute):
                method = func.attr.value
                if torchapi.is_inplace_method(method):
                    self._mark_written(func.value)
                    self.fire("on_inplace", func.value, call, method + "()", first_arg(call))
                elif method == "backward":
                    self._backward(call, func.value)
                    for arg in call.args:  # accelerator.backward(loss), scaler-style wrappers
                        self.resolve_pending(arg.value)
            return
        out = keyword_arg(call, "out")
        if out is not None:
            self._mark_written(out)
            self.fire("on_inplace", out, out, "out=", call)
        inplace_first = self._torch_inplace_target(name, call)
        if inplace_first is not None:
            self._mark_written(inplace_first)
            self.fire("on_inplace", inplace_first, call, name.rpartition(".")[2] + "()", None)
        if name in ("torch.autograd.backward", "torch.autograd.grad"):
            tensors = first_arg(call, "tensors" if name.endswith("backward") else "outputs")
            if tensors is not None:
                elements = (
                    [e.value for e in tensors.elements] if isinstance(tensors, (cst.List, cst.Tuple)) else [tensors]
                )
                for tensor in elements:
                    self._backward(call, tensor)

    def _torch_inplace_target(self, name: str, call: cst.Call) -> Optional[cst.BaseExpression]:
        """The first argument of `torch.relu_(x)` or `F.relu(x, inplace=True)`."""
        last = name.rpartition(".")[2]
        if name.startswith("torch.nn.init."):
            return None  # nn.init writes under no_grad on purpose
        inplace = keyword_arg(call, "inplace")
        if torchapi.is_inplace_method(last) or (inplace is not None and literal_bool(inplace)):
            return first_arg(call, "input")
        return None

    def _backward(self, call: cst.Call, tensor: cst.BaseExpression) -> None:
        self.fire("on_backward", call, tensor)
        self.resolve_pending(tensor)

    def resolve_pending(self, expr: cst.BaseExpression) -> None:
        """A value reached backward(): the findings it carried become real."""
        for violation in self.value(expr).pending:
            self.found.setdefault((violation.code, id(violation.node)), violation)

    def _mark_written(self, expr: cst.BaseExpression) -> None:
        """Mark `expr` and the views it is taken from as written in place."""
        self.written.update(id(view) for view in view_chain(expr))

    # ---- expressions: effects on state --------------------------------------------------

    def apply_effects(self, expr: cst.CSTNode) -> None:
        """Update facts for what the calls in `expr` do to local names."""
        if not isinstance(expr, cst.BaseExpression):
            return
        calls = [node for node in _calls_in(expr)]
        for call in reversed(calls):  # inner calls run first
            self._call_effect(call)
        if calls:
            self.memo.clear()

    def _call_effect(self, call: cst.Call) -> None:
        func = call.func
        name = self.qualname(func)
        if name is not None:
            if name == "torch.set_grad_enabled":  # a plain call switches the mode until switched back
                self.state.grad_mode = literal_bool(first_arg(call, "mode"))
            out = keyword_arg(call, "out")
            if out is not None:
                self.write_inplace(out, [self.value(a.value) for a in call.args if a.keyword is None])
            target = self._torch_inplace_target(name, call)
            if target is not None:
                self.write_inplace(target, [self.value(a.value) for a in call.args[1:] if a.keyword is None])
            if name in ("torch.autograd.backward", "torch.autograd.grad") and not retains_graph(call):
                self.free_graph(first_arg(call, "tensors" if name.endswith("backward") else "outputs"))
            return
        if isinstance(func, cst.Attribute):
            method = func.attr.value
            receiver = func.value
            if method == "requires_grad_" and isinstance(receiver, cst.Name):
                flag = literal_bool(first_arg(call, "requires_grad")) if call.args else True
                self.set_requires_grad(receiver.value, flag)
            elif method == "retain_grad" and isinstance(receiver, cst.Name):
                self.state.names[receiver.value] = self.state.get(receiver.value).but(retained=True)
            elif method == "backward":
                if not retains_graph(call):
                    self.free_graph(receiver)
                return
            elif torchapi.is_inplace_method(method):
                self.write_inplace(receiver, [self.value(a.value) for a in call.args if a.keyword is None])
            elif self.value(receiver).tensor or method in torchapi.TENSOR_METHODS:
                return
        elif isinstance(func, cst.Name) and func.value in PURE_BUILTINS:
            return
        # A callable we cannot see into may change what it is given.
        for arg in call.args:
            if isinstance(arg.value, cst.Name):
                old = self.state.get(arg.value.value)
                if old.grad is not None or old.leaf is not None:
                    self.state.names[arg.value.value] = old.but(grad=None, leaf=None)

    def free_graph(self, tensors: Optional[cst.BaseExpression]) -> None:
        """backward() without retain_graph freed the tensors saved in the graphs it ran through."""
        for name in _operand_names(tensors) if tensors is not None else ():
            value = self.state.names.get(name)
            if value is not None and value.saves and value.grad is not False:
                self.state.names[name] = value.but(freed=True, kind=LOSS)

    def write_inplace(self, target: cst.BaseExpression, sources: Iterable[Value]) -> None:
        """`target` (or a view of it) was written in place with values from `sources`."""
        name = viewed_name(target)
        if name is None:
            return
        old = self.state.get(name)
        new = old.but(pending=old.pending | self.pending.get(id(target), frozenset()))
        grad = any_grad([old, *sources])
        if self.state.grad_mode is not False and grad != old.grad:
            if self.state.grad_mode is None and grad:
                grad = None
            new = new.but(grad=grad, leaf=False if grad and not old.grad else old.leaf)
        self.state.names[name] = new

    def set_requires_grad(self, name: str, flag: Tri) -> None:
        old = self.state.get(name)
        leaf = True if old.grad is False else old.leaf
        self.state.names[name] = old.but(grad=flag, leaf=leaf if flag else None)

    # ---- expressions: values ----------------------------------------------------------

    def _evaluate(self, expr: cst.CSTNode) -> Value:
        if isinstance(expr, cst.Name):
            if expr.value in ("True", "False", "None"):
                return CONSTANT
            return self.state.get(expr.value)
        if isinstance(expr, cst.Call):
            return self._evaluate_call(expr)
        if isinstance(expr, cst.Attribute):
            return self._evaluate_attribute(expr)
        if isinstance(expr, cst.BinaryOperation):
            return self._evaluate_binary(expr)
        if isinstance(expr, cst.Subscript):
            base = self.value(expr.value)
            if not base.tensor and base.grad is None:
                return UNKNOWN
            result = op_result((base,), self.state.grad_mode).but(tensor=base.tensor)
            return result.but(alias=base.alias) if _basic_index(expr) else result
        if isinstance(expr, (cst.Integer, cst.Float, cst.Imaginary, cst.SimpleString, cst.ConcatenatedString)):
            return CONSTANT
        if isinstance(expr, cst.FormattedString):
            return CONSTANT
        if isinstance(expr, cst.UnaryOperation):
            if isinstance(expr.operator, cst.Not):
                return CONSTANT
            return op_result((self.value(expr.expression),), self.state.grad_mode)
        if isinstance(expr, cst.Comparison):
            operands = [self.value(expr.left)] + [self.value(c.comparator) for c in expr.comparisons]
            return Value(tensor=any(v.tensor for v in operands), grad=False)
        if isinstance(expr, cst.BooleanOperation):
            return self.value(expr.left).join(self.value(expr.right))
        if isinstance(expr, cst.IfExp):
            return self.value(expr.body).join(self.value(expr.orelse))
        if isinstance(expr, (cst.Tuple, cst.List)):  # a container: its elements' facts are not its own
            values = [self.value(e.value) for e in expr.elements]
            return Value(pending=frozenset().union(*(v.pending for v in values))) if values else UNKNOWN
        if isinstance(expr, cst.NamedExpr):
            return self.value(expr.value)
        return UNKNOWN

    def _evaluate_binary(self, expr: cst.BinaryOperation) -> Value:
        left, right = self.value(expr.left), self.value(expr.right)
        saves = isinstance(expr.operator, SAVING_OPERATORS)
        result = op_result((left, right), self.state.grad_mode, saves=saves)
        if not saves or result.grad is False:
            return result
        # `a * b` saves a when b requires grad and b when a does; `a ** n` saves a.
        saved = set()
        if isinstance(expr.left, cst.Name) and (right.grad or isinstance(expr.operator, cst.Power) and left.grad):
            saved.add(expr.left.value)
        if isinstance(expr.right, cst.Name) and left.grad and not isinstance(expr.operator, cst.Power):
            saved.add(expr.right.value)
        return result.but(saved_names=result.saved_names | saved) if saved else result

    def _evaluate_attribute(self, expr: cst.Attribute) -> Value:
        attr = expr.attr.value
        if self.qualname(expr) is not None:
            return UNKNOWN
        if attr in torchapi.NON_TENSOR_ATTRIBUTES:
            return CONSTANT
        base = self.value(expr.value)
        if attr == "data":
            return Value(tensor=base.tensor, grad=False, leaf=True)
        if attr == "grad":
            return Value(tensor=base.tensor)
        if attr in torchapi.VIEW_ATTRIBUTES and base.tensor:
            return op_result((base,), self.state.grad_mode).but(tensor=True, alias=base.alias)
        return UNKNOWN

    def _evaluate_call(self, call: cst.Call) -> Value:
        func = call.func
        name = self.qualname(func)
        if name is not None:
            return self._evaluate_torch_call(name, call)
        if isinstance(func, cst.Attribute):
            return self._evaluate_method(call, func)
        if isinstance(func, cst.Name) and func.value in ("list", "tuple", "iter") and call.args:
            inner = self.value(call.args[0].value)
            return Value(kind=inner.kind) if inner.kind in (PARAMETERS, NAMED_PARAMETERS) else UNKNOWN
        if isinstance(func, cst.Name) and func.value in PURE_BUILTINS:
            return UNKNOWN
        return self._opaque_call(call, ())

    def _opaque_call(self, call: cst.Call, extra: tuple) -> Value:
        """A callable we cannot see into: its result may carry the graph of its inputs, and
        does when the callable is a module or a loss, or is named like a model or a loss."""
        values = [*extra, *(self.value(a.value) for a in call.args)]
        pending = frozenset().union(*(v.pending for v in values)) if values else frozenset()
        func = call.func
        if isinstance(func, cst.Name) and func.value in self.module_classes:
            return Value(kind=MODULE)
        callee_name = last_name(func)
        callee_kind = self.value(func).kind
        kind = None
        if callee_kind == LOSS_FUNCTION or torchapi.LOSS_NAME.search(callee_name):
            kind = LOSS
        elif callee_kind == MODULE or torchapi.MODEL_NAME.search(callee_name):
            kind = OUTPUT
        if kind is None or self.state.grad_mode is False:
            return Value(pending=pending)
        return Value(kind=kind, pending=pending, saves=True, freed=any(v.freed for v in values))

    def _evaluate_torch_call(self, name: str, call: cst.Call) -> Value:
        namespace, _, last = name.rpartition(".")
        if namespace == "torch" and last in torchapi.FACTORIES:
            flag = keyword_arg(call, "requires_grad")
            grad = False if flag is None else literal_bool(flag)
            return Value(tensor=True, grad=grad, leaf=True, kind=FACTORY)
        if namespace == "torch.nn" and last[:1].isupper() and last != "Parameter":
            return Value(kind=LOSS_FUNCTION if last.endswith("Loss") else MODULE)
        if name == "torch.nn.Parameter":
            flag = keyword_arg(call, "requires_grad")
            if flag is None and len(call.args) >= 2 and call.args[1].keyword is None:
                flag = call.args[1].value
            return Value(tensor=True, grad=True if flag is None else literal_bool(flag), leaf=True)
        if name == "torch.autograd.Variable":
            wrapped = self.value(call.args[0].value) if call.args else UNKNOWN
            flag = keyword_arg(call, "requires_grad")
            if flag is None:
                return wrapped
            return wrapped.but(grad=literal_bool(flag), leaf=True if wrapped.grad is False else wrapped.leaf)
        if last in torchapi.NON_DIFFERENTIABLE and namespace == "torch":
            return Value(tensor=True, grad=False)
        if (
            any(name == ns + last for ns in torchapi.OP_NAMESPACES)
            and last[:1].islower()
            and last not in torchapi.NOT_TENSOR_OPS
        ):
            operands = [
                self.value(operand)
                for a in call.args
                if (a.keyword is None or a.keyword.value in TENSOR_KEYWORDS) and not a.star
                for operand in _spread(a.value)
            ]
            result = op_result(operands, self.state.grad_mode, saves=last in torchapi.SAVING_OPS)
            if torchapi.is_loss_function(name) and result.grad is not False:
                result = result.but(kind=LOSS)
            return result.but(tensor=True, saved_itself=last in torchapi.OUTPUT_SAVING_OPS and result.grad is not False)
        return UNKNOWN

    def _evaluate_method(self, call: cst.Call, func: cst.Attribute) -> Value:
        method = func.attr.value
        receiver = self.value(func.value)
        if method == "detach":
            alias = receiver.alias or (call if _held_elsewhere(func.value) else None)
            return Value(tensor=True, grad=False, leaf=True, alias=alias)
        if method in torchapi.NON_TENSOR_METHODS:
            return CONSTANT
        if method in ("parameters", "named_parameters"):
            return Value(kind=PARAMETERS if method == "parameters" else NAMED_PARAMETERS)
        if method in ("backward", "retain_grad"):
            return CONSTANT
        if method == "requires_grad_":
            flag = literal_bool(first_arg(call, "requires_grad")) if call.args else True
            leaf = True if receiver.grad is False else receiver.leaf
            return receiver.but(tensor=True, grad=flag, leaf=leaf if flag else None, kind=None)
        if method in torchapi.NON_DIFFERENTIABLE:
            return Value(tensor=receiver.tensor, grad=False)
        if method in torchapi.TENSOR_METHODS or torchapi.is_inplace_method(method):
            operands = [receiver]
            if method in BINARY_METHODS or torchapi.is_inplace_method(method):
                operands += [self.value(a.value) for a in call.args if a.keyword is None and not a.star]
            result = op_result(operands, self.state.grad_mode, saves=method in torchapi.SAVING_OPS)
            result = result.but(
                tensor=receiver.tensor,
                saved_itself=method in torchapi.OUTPUT_SAVING_OPS and result.grad is not False,
            )
            if method in torchapi.VIEW_METHODS:
                result = result.but(alias=receiver.alias)
            return result
        return self._opaque_call(call, (receiver,))


def literal_bool(expr: Optional[cst.BaseExpression]) -> Tri:
    if isinstance(expr, cst.Name) and expr.value in ("True", "False"):
        return expr.value == "True"
    return None


def _all_params(params: cst.Parameters) -> list:
    found = [*params.posonly_params, *params.params, *params.kwonly_params]
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, cst.Param):
            found.append(star)
    return found


def _calls_in(expr: cst.BaseExpression) -> list:
    """Calls in `expr` in pre-order, not descending into lambdas or comprehensions."""
    found = []
    stack = [expr]
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind in INNER_SCOPES:
            continue
        if kind is cst.Call:
            found.append(node)
        stack.extend(reversed(list(children(node))))
    return found


def _operand_names(expr: cst.BaseExpression) -> list:
    """Names whose values `expr` computes with: not callees, not attribute names."""
    names = []
    stack = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Name):
            names.append(node.value)
        elif isinstance(node, cst.Attribute):
            stack.append(node.value)
        elif isinstance(node, cst.Call):
            stack.extend(arg.value for arg in node.args)
            if isinstance(node.func, cst.Attribute):
                stack.append(node.func.value)  # the receiver of a method
        elif type(node) not in INNER_SCOPES:
            stack.extend(children(node))
    return names


def _spread(expr: cst.BaseExpression) -> list:
    """The elements of a list or tuple display (`torch.cat([a, b])`), else the expression."""
    if isinstance(expr, (cst.List, cst.Tuple)) and not any(isinstance(e, cst.StarredElement) for e in expr.elements):
        return [e.value for e in expr.elements]
    return [expr]


def _basic_index(expr: cst.Subscript) -> bool:
    """Indexing with ints, slices, `...` and `None` gives a view; anything else copies."""
    for element in expr.slice:
        inner = element.slice
        if isinstance(inner, cst.Slice):
            continue
        value = inner.value
        if isinstance(value, cst.UnaryOperation):
            value = value.expression
        if not isinstance(value, (cst.Integer, cst.Ellipsis)) and not (
            isinstance(value, cst.Name) and value.value == "None"
        ):
            return False
    return True


def _held_elsewhere(expr: cst.BaseExpression) -> bool:
    """Whether the tensor `expr` gives (or whose view it gives) is held by a name or attribute,
    so that writing through its detach() changes a tensor the code still uses. A fresh result
    (`x.clone()`, `a + b`, `model(x)`) is held by nobody. Gradient buffers (`p.grad`) are
    left out: they belong to no graph, and writing through their detach() is the documented
    way to edit gradients in place."""
    base = viewed_base(expr)
    if isinstance(base, cst.Attribute):
        return base.attr.value != "grad"
    return isinstance(base, cst.Name)
