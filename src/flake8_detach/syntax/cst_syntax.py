"""Helpers over libcst nodes: structure, names, call arguments, small node builders.

`CSTNode.children` rebuilds every node it visits; reading the dataclass fields that can
hold code is several times cheaper and is all the analysis needs.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from typing import Iterator, Optional

import libcst as cst

from .. import torchapi

# Fields that hold only tokens and whitespace, never code.
_TOKEN_FIELDS = frozenset(
    """lpar rpar comma semicolon colon equal lbrace lbracket rbrace rbracket dot operator header
    footer leading_lines trailing_whitespace newline indent asynchronous lines_after_decorators
    empty_lines first_colon second_colon star relative posonly_ind default_indent default_newline
    encoding has_trailing_newline conversion comment""".split()
)
_code_fields: dict = {}


def _fields_of(node_type: type) -> tuple:
    fields = _code_fields.get(node_type)
    if fields is None:
        fields = tuple(
            f.name
            for f in dataclasses.fields(node_type)
            if f.name not in _TOKEN_FIELDS and not f.name.startswith("whitespace")
        )
        _code_fields[node_type] = fields
    return fields


def children(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """The child nodes of `node` that can hold code, in source order."""
    for name in _fields_of(type(node)):
        value = getattr(node, name)
        kind = type(value)
        if kind is tuple or kind is list:
            for item in value:
                if _is_node(type(item)):
                    yield item
        elif _is_node(kind):
            yield value


_node_types: dict = {}


def _is_node(kind: type) -> bool:
    """issubclass(kind, CSTNode), cached: libcst's node classes are ABCs, whose checks are slow."""
    known = _node_types.get(kind)
    if known is None:
        known = _node_types[kind] = issubclass(kind, cst.CSTNode)
    return known


# Expressions that run in a scope of their own.
INNER_SCOPES = frozenset((cst.Lambda, cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp))


def walk(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """`node` and everything below it, depth first."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(list(children(current))))


def keeps_comments(replacements: tuple) -> bool:
    """Whether each new node holds every comment of the old node it replaces: a fix that would
    delete a comment is not offered."""
    def comments(node: cst.CSTNode) -> Counter:
        found, stack = Counter(), [node]
        while stack:  # every child, whitespace too (`walk` skips it): comments live there
            current = stack.pop()
            if isinstance(current, cst.Comment):
                found[current.value] += 1
            stack.extend(current.children)
        return found

    return all(not comments(old) - comments(new) for old, new in replacements)


def last_name(expr: cst.BaseExpression) -> str:
    """`f` for `f` and `a.b.f`: the name an expression ends in, or "" when it ends in no name."""
    if isinstance(expr, cst.Attribute):
        return expr.attr.value
    return expr.value if isinstance(expr, cst.Name) else ""


def root_name(expr: cst.BaseExpression) -> Optional[str]:
    """`x` for `x`, `x.a.b`, `x[0]`, `x.view(-1)[1]`: the local name the expression starts from."""
    while True:
        if isinstance(expr, cst.Name):
            return expr.value
        if isinstance(expr, (cst.Attribute, cst.Subscript)):
            expr = expr.value
        elif isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute):
            expr = expr.func.value
        else:
            return None


def target_names(target: cst.CSTNode) -> Iterator[str]:
    """Names bound by an assignment target (`a`, `a, (b, *c)`)."""
    if isinstance(target, cst.Name):
        yield target.value
    elif isinstance(target, (cst.Tuple, cst.List)):
        for element in target.elements:
            yield from target_names(element.value)
    elif isinstance(target, cst.StarredElement):
        yield from target_names(target.value)


def possibly_changed_names(block: cst.CSTNode) -> set:
    """Local names whose facts code in `block` may change: every name it binds, writes into
    in place, passes to a call or calls a state-changing method on (for loops and try bodies)."""
    changed: set = set()
    for node in walk(block):
        if isinstance(node, cst.Name):
            continue
        if isinstance(node, cst.Assign):
            for target in node.targets:
                changed.update(_written_roots(target.target))
        elif isinstance(node, (cst.AugAssign, cst.AnnAssign)):
            changed.update(_written_roots(node.target))
        elif isinstance(node, (cst.For, cst.CompFor)):
            changed.update(target_names(node.target))
        elif isinstance(node, cst.AsName):
            changed.update(target_names(node.name))
        elif isinstance(node, cst.NamedExpr):
            changed.update(target_names(node.target))
        elif isinstance(node, cst.Del):
            changed.update(_written_roots(node.target))
        elif isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            changed.add(node.name.value)
        elif isinstance(node, (cst.Global, cst.Nonlocal)):
            changed.update(item.name.value for item in node.names)
        elif isinstance(node, cst.ImportAlias):
            bound = root_name(node.asname.name if node.asname else node.name)
            if bound:
                changed.add(bound)
        elif isinstance(node, cst.Call):
            for arg in node.args:
                if isinstance(arg.value, cst.Name):
                    changed.add(arg.value.value)
            if isinstance(node.func, cst.Attribute) and (
                node.func.attr.value.endswith("_") or node.func.attr.value == "retain_grad"
            ):
                name = root_name(node.func.value)
                if name:
                    changed.add(name)
    return changed


def _written_roots(target: cst.BaseExpression) -> Iterator[str]:
    if isinstance(target, (cst.Attribute, cst.Subscript)):
        name = root_name(target)
        if name:
            yield name
    else:
        yield from target_names(target)


def view_chain(expr: cst.BaseExpression) -> Iterator[cst.BaseExpression]:
    """`expr` and the tensors it is a view of: `x[0].view(-1).T`, `x[0].view(-1)`, `x[0]`, `x`."""
    while True:
        yield expr
        if isinstance(expr, cst.Subscript):
            expr = expr.value
        elif isinstance(expr, cst.Attribute) and expr.attr.value in torchapi.VIEW_ATTRIBUTES:
            expr = expr.value
        elif (
            isinstance(expr, cst.Call)
            and isinstance(expr.func, cst.Attribute)
            and expr.func.attr.value in torchapi.VIEW_METHODS
        ):
            expr = expr.func.value
        else:
            return


def viewed_base(expr: cst.BaseExpression) -> cst.BaseExpression:
    """The expression `expr` is a view of, or `expr` itself."""
    for expr in view_chain(expr):
        pass
    return expr


def viewed_name(expr: cst.BaseExpression) -> Optional[str]:
    """`x` for `x`, `x[0]`, `x.view(-1)`: the local name whose tensor a write lands in."""
    base = viewed_base(expr)
    return base.value if isinstance(base, cst.Name) else None


def dotted_name(expr: cst.BaseExpression) -> Optional[str]:
    """`a.b.c` for a chain of plain names, else None."""
    parts = []
    while isinstance(expr, cst.Attribute):
        parts.append(expr.attr.value)
        expr = expr.value
    if not isinstance(expr, cst.Name):
        return None
    parts.append(expr.value)
    return ".".join(reversed(parts))


def first_arg(call: cst.Call, keyword: Optional[str] = None) -> Optional[cst.BaseExpression]:
    """The first positional argument, or the one passed as `keyword=`."""
    for arg in call.args:
        if arg.keyword is None and not arg.star:
            return arg.value
        if keyword is not None and arg.keyword is not None and arg.keyword.value == keyword:
            return arg.value
    return None


def keyword_arg(call: cst.Call, keyword: str) -> Optional[cst.BaseExpression]:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == keyword:
            return arg.value
    return None


def method_name(call: cst.Call) -> Optional[str]:
    """`m` for a call `recv.m(...)`."""
    return call.func.attr.value if isinstance(call.func, cst.Attribute) else None


def literal_bool(expr: Optional[cst.BaseExpression]) -> Optional[bool]:
    """True or False for the literals `True` and `False`, else None (unknown)."""
    if isinstance(expr, cst.Name) and expr.value in ("True", "False"):
        return expr.value == "True"
    return None


def retains_graph(call: cst.Call) -> bool:
    """Whether a backward() call may keep its graph: `retain_graph=` (or the pre-0.4
    `retain_variables=`) anything but a literal False, or, without it, `create_graph=`
    anything but a literal False (its default)."""
    flag = keyword_arg(call, "retain_graph") or keyword_arg(call, "retain_variables")
    if flag is None:
        flag = keyword_arg(call, "create_graph")
    return flag is not None and not (isinstance(flag, cst.Name) and flag.value == "False")


def all_params(params: cst.Parameters) -> list:
    found = [*params.posonly_params, *params.params, *params.kwonly_params]
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, cst.Param):
            found.append(star)
    return found


def calls_and_walruses_in(expr: cst.BaseExpression) -> list:
    """Calls (and walrus bindings) in `expr` in pre-order, not descending into lambdas or
    comprehensions."""
    found = []
    stack = [expr]
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind in INNER_SCOPES:
            continue
        if kind is cst.Call or kind is cst.NamedExpr:
            found.append(node)
        stack.extend(reversed(list(children(node))))
    return found


def operand_names(expr: cst.BaseExpression) -> list:
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


def spread(expr: cst.BaseExpression) -> list:
    """The elements of a list or tuple display (`torch.cat([a, b])`), else the expression."""
    if isinstance(expr, (cst.List, cst.Tuple)) and not any(isinstance(e, cst.StarredElement) for e in expr.elements):
        return [e.value for e in expr.elements]
    return [expr]


def basic_index(expr: cst.Subscript) -> bool:
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


def parenthesized(expr: cst.BaseExpression) -> cst.BaseExpression:
    """`expr`, in parentheses unless it is an atom, so that it can stand anywhere (`(a + b)`)."""
    if isinstance(expr, (cst.Name, cst.Attribute, cst.Call, cst.Subscript)) or expr.lpar:
        return expr
    return expr.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])


def with_keyword(call: cst.Call, keyword: str, value: cst.BaseExpression) -> cst.Call:
    """`call` with `keyword=value` after its arguments (libcst writes the comma before it)."""
    equal = cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace(""))
    return call.with_changes(args=[*call.args, cst.Arg(value, keyword=cst.Name(keyword), equal=equal)])


def call_method(expr: cst.BaseExpression, method: str) -> cst.Call:
    """`expr.method()`, parenthesising `expr` when it is not an atom (`(a + b).item()`)."""
    return cst.Call(func=cst.Attribute(value=parenthesized(expr), attr=cst.Name(method)))


# Attributes and methods that read what a tensor is, not its values, or take another alias of it.
NO_VALUE_READ = frozenset(
    "grad shape dtype device requires_grad is_leaf ndim size dim numel detach requires_grad_ retain_grad".split()
)
_BINDING_FIELDS = {  # node type -> the field whose names it binds
    cst.AssignTarget: "target",
    cst.AnnAssign: "target",
    cst.For: "target",
    cst.CompFor: "target",
    cst.AsName: "name",
    cst.NamedExpr: "target",
    cst.Del: "target",
}
_NAMING_FIELDS = {  # node type -> fields holding a name that is not read
    cst.Attribute: ("attr",),
    cst.Arg: ("keyword",),
    cst.Param: ("name",),
    cst.FunctionDef: ("name",),
    cst.ClassDef: ("name",),
    cst.ImportAlias: ("name",),
    cst.ImportFrom: ("module",),
    cst.NameItem: ("name",),
}


def preorder_with_parents(root: cst.CSTNode) -> list:
    """(node, parent) for `root` and everything below it, in source order."""
    found = []
    stack = [(root, None)]
    while stack:
        node, parent = stack.pop()
        found.append((node, parent))
        stack.extend((child, node) for child in reversed(list(children(node))))
    return found


class ReadIndex:
    """Where the code of `nodes` ((node, parent) pairs, in source order) reads each dotted name
    (`x`, `self.w`) for its value, and where its bindings take effect: not where a name is
    bound, not attribute or keyword names, not where only its metadata is read (`x.grad`,
    `x.shape`, `x.size()` read `x.grad`... but not `x`). Positions are indexes into `nodes`;
    from a position in `skipped`, the code up to the position it maps to is left out (a
    definition's code, in module code). Built once, it answers each question in log time."""

    def __init__(self, nodes: list, parents: dict, skipped: Optional[dict] = None) -> None:
        self.reads: dict = {}  # dotted name -> the positions reading it, ascending
        self.bindings: dict = {}  # dotted name -> ascending positions binding it, and from where
        self.cuts: dict = {}  # dotted name -> for each binding, the position its new value holds from
        position = {id(node): index for index, (node, _) in enumerate(nodes)}
        skipped = skipped or {}
        index = 0
        while index < len(nodes):
            if index in skipped:
                index = skipped[index]
                continue
            node, parent = nodes[index]
            dotted = _read_or_bound(node, parent)
            if dotted is not None:
                if _is_bound(node, parent, parents):
                    # The new value holds once its statement has run (`d = d + 1` reads the old d).
                    statement = _statement_of(node, parents)
                    start = position.get(id(statement), index)
                    self.bindings.setdefault(dotted, []).append(index)
                    self.cuts.setdefault(dotted, []).append(start + sum(1 for _ in walk(statement)) if statement else index)
                else:
                    self.reads.setdefault(dotted, []).append(index)
            index += 1

    def read_after(self, name: str, start: int) -> bool:
        """Whether the code from `start` on reads `name`'s value before a binding there
        replaces it."""
        reads = self.reads.get(name, ())
        first_read = bisect.bisect_left(reads, start)
        if first_read == len(reads):
            return False
        bindings = self.bindings.get(name, ())
        first_binding = bisect.bisect_left(bindings, start)
        return first_binding == len(bindings) or reads[first_read] < self.cuts[name][first_binding]

    def read_between(self, name: str, start: int, end: int) -> bool:
        """Whether the code from `start` up to `end` reads `name` (bindings there aside)."""
        reads = self.reads.get(name, ())
        at = bisect.bisect_left(reads, start)
        return at < len(reads) and reads[at] < end


def _read_or_bound(node: cst.CSTNode, parent: Optional[cst.CSTNode]) -> Optional[str]:
    """The dotted name `node` reads or binds, or None where it does neither (a name that is
    not read: an attribute's or keyword's, or one whose metadata only is read)."""
    if not isinstance(node, (cst.Name, cst.Attribute)):
        return None
    if isinstance(parent, cst.Attribute) and parent.value is node and parent.attr.value in NO_VALUE_READ:
        return None
    if any(getattr(parent, name, None) is node for name in _NAMING_FIELDS.get(type(parent), ())):
        return None
    return dotted_name(node)


def _statement_of(node: cst.CSTNode, parents: dict) -> Optional[cst.CSTNode]:
    while node is not None and not isinstance(node, (cst.BaseSmallStatement, cst.BaseCompoundStatement)):
        node = parents.get(id(node))
    return node


def _is_bound(node: cst.CSTNode, parent: Optional[cst.CSTNode], parents: dict) -> bool:
    """Whether `node` is (inside a tuple or list that is) the target a statement binds."""
    while isinstance(parent, (cst.Element, cst.Tuple, cst.List, cst.StarredElement)):
        node, parent = parent, parents.get(id(parent))
    field = _BINDING_FIELDS.get(type(parent))
    return field is not None and getattr(parent, field) is node


def bindings(node: cst.CSTNode, into_definitions: bool = True) -> tuple:
    """(names assigned, names bound otherwise: loop, with and except targets, definitions,
    global declarations) in the code of `node`; nested definitions' own code included or not."""
    assigned: set = set()
    elsewhere: set = set()
    stack = [node]
    while stack:
        child = stack.pop()
        kind = type(child)  # `is` tests: isinstance on libcst's ABC node classes is slow
        if kind is cst.Name or kind is cst.SimpleString or kind is cst.Integer:
            continue  # leaves
        if kind is cst.Assign:
            for target in child.targets:
                assigned.update(target_names(target.target))
        elif kind is cst.AnnAssign or kind is cst.AugAssign or kind is cst.NamedExpr:
            assigned.update(target_names(child.target))
        elif kind is cst.For or kind is cst.CompFor:
            elsewhere.update(target_names(child.target))
        elif kind is cst.AsName:
            elsewhere.update(target_names(child.name))
        elif kind is cst.Global or kind is cst.Nonlocal:
            elsewhere.update(item.name.value for item in child.names)
        elif (kind is cst.FunctionDef or kind is cst.ClassDef) and child is not node:
            elsewhere.add(child.name.value)
            if not into_definitions:
                continue
        stack.extend(children(child))
    return assigned, elsewhere


def statement_bindings(body) -> set:
    """The names the statements of `body` bind (assignment, loop and with targets, except
    names, imports, definitions, global declarations), not looking into expressions (a walrus)
    or into definitions: a cheap walk, which may leave names out but adds none."""
    bound: set = set()
    stack = list(body.body if isinstance(body, (cst.BaseSuite, cst.Module)) else body)
    while stack:
        stmt = stack.pop()
        kind = type(stmt)
        if kind is cst.SimpleStatementLine:
            for small in stmt.body:
                small_kind = type(small)
                if small_kind is cst.Assign:
                    for target in small.targets:
                        bound.update(target_names(target.target))
                elif small_kind is cst.AnnAssign or small_kind is cst.AugAssign:
                    bound.update(target_names(small.target))
                elif small_kind is cst.Import or small_kind is cst.ImportFrom:
                    if not isinstance(small.names, cst.ImportStar):
                        for alias in small.names:
                            name = alias.asname.name if alias.asname else alias.name
                            root = root_name(name)
                            if root:
                                bound.add(root)
                elif small_kind is cst.Global or small_kind is cst.Nonlocal:
                    bound.update(item.name.value for item in small.names)
            continue
        if kind is cst.FunctionDef or kind is cst.ClassDef:
            bound.add(stmt.name.value)
            continue
        if kind is cst.For:
            bound.update(target_names(stmt.target))
        elif kind is cst.With:
            for item in stmt.items:
                if item.asname is not None:
                    bound.update(target_names(item.asname.name))
        elif kind is cst.Try or kind is cst.TryStar:
            for handler in stmt.handlers:
                if handler.name is not None:
                    bound.update(target_names(handler.name.name))
                stack.extend(handler.body.body)
        for block in ("body", "orelse", "finalbody"):
            part = getattr(stmt, block, None)
            if isinstance(part, cst.BaseSuite):
                stack.extend(part.body)
            elif isinstance(part, (cst.Else, cst.Finally)):
                stack.extend(part.body.body)
            elif isinstance(part, cst.If):
                stack.append(part)
        if kind is cst.Match:
            for case in stmt.cases:
                stack.extend(case.body.body)
    return bound
