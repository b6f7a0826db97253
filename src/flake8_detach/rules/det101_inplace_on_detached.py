"""DET101: in-place writes into a detach() alias while the original is still in use."""

from __future__ import annotations

from typing import Optional

import libcst as cst

from ..syntax.cst_syntax import (
    all_params,
    bindings,
    dotted_name,
    ReadIndex,
    preorder_with_parents,
    viewed_base,
    viewed_name,
    walk,
)
from ..findings import UNSAFE
from ._base import INPLACE, Breaks, Example, Raises, WalkRule
from ._prechecks import calls_method


class Scope:
    """A scope's code in source order, read once, on its first write through an alias."""

    def __init__(self, node: cst.CSTNode) -> None:
        self.node = node
        self._order: Optional[list] = None
        self._loop_bindings: dict = {}  # id(loop) -> the names its code binds

    def load(self) -> None:
        if self._order is None:
            self._order = preorder_with_parents(self.node)
            self.parents = {id(node): parent for node, parent in self._order}
            self.index = {id(node): position for position, (node, _) in enumerate(self._order)}
            self.held_beyond = _held_beyond(self.node)
            # In module code a function or class is only the name it binds, as in the module's
            # piece, where it is a stub: its code is skipped.
            skipped: dict = {}
            if isinstance(self.node, cst.Module):
                for position, (node, _) in enumerate(self._order):
                    if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
                        skipped[position + 1] = position + sum(1 for _ in walk(node))
            self.reads = ReadIndex(self._order, self.parents, skipped)
            self.skipped = skipped

    def reads_after(self, statement: cst.CSTNode, loop: Optional[cst.CSTNode]) -> "ReadsAfter":
        """The dotted names read for their values by the code that runs after `statement`: the
        code after it (in module code, not inside the functions and classes it defines), and,
        in a loop (the outermost of its scope), the rest of the loop."""
        self.load()
        start = self.index[id(statement)]
        if any(first <= start < end for first, end in self.skipped.items()):
            # a class body's own code, walked within the module: as in its piece, where the
            # module's code after the class is not there, nothing after it is known to read
            return ReadsAfter(self.reads, len(self._order))
        if loop is None:
            return ReadsAfter(self.reads, start + sum(1 for _ in walk(statement)))
        bound = self._loop_bindings.get(id(loop))
        if bound is None:  # the next iteration reads what the loop has not bound afresh
            assigned, elsewhere = bindings(loop)
            bound = self._loop_bindings[id(loop)] = assigned | elsewhere
        return ReadsAfter(self.reads, start + sum(1 for _ in walk(statement)), (self.index[id(loop)], start), bound)


class ReadsAfter:
    """`name in reads`: whether the code after a statement reads `name` (Scope.reads_after)."""

    def __init__(self, reads: ReadIndex, start: int, loop: Optional[tuple] = None, bound: frozenset = frozenset()):
        self.reads, self.start, self.loop, self.bound = reads, start, loop, bound

    def __contains__(self, name: str) -> bool:
        if self.reads.read_after(name, self.start):
            return True
        return self.loop is not None and name not in self.bound and self.reads.read_between(name, *self.loop)


class InplaceOnDetached(WalkRule):
    code = "DET101"
    name = "inplace-on-detached"
    message = "{op} on {target} also writes into {source}: detach() shares its storage"
    needs = ("detach", INPLACE)

    @staticmethod
    def possible_in(scope, index) -> bool:
        """An alias comes only from a `.detach()` call of the piece's own code."""
        return calls_method(scope, "detach")
    what = (
        "Flags in-place writes (`add_()`, `zero_()`, `copy_()`, `d[i] = ...`, `d += ...`, `out=d`) "
        "into a name (or a view of a name) bound to `x.detach()` while the original `x` is still "
        "in use: read later in the scope (in a loop, also earlier in the loop body), saved by a "
        "graph that later reaches `backward()`, or held outside the scope (a parameter, an "
        "attribute, a global) while the code goes on using the alias as a tensor of its own.\n\n"
        "A write through an alias that is not used afterwards changes the original on purpose "
        "(a manual update, an initialisation), and so does an unnamed `x.detach().zero_()`: "
        "that is DET104, in the opt-in tier, unless a graph that saved `x` reaches `backward()`."
    )
    why = (
        "`detach()` returns a new tensor that shares storage with the original. Writing into it "
        "changes the original tensor too, behind autograd's back: the original's values change "
        "silently, and if autograd saved the original for the backward pass, `backward()` raises "
        "\"one of the variables needed for gradient computation has been modified by an inplace "
        "operation\". To get an independent copy, use `.detach().clone()`.\n\n"
        "Writes through `p.grad.detach()` are not flagged: gradient buffers belong to no graph."
    )
    references = (
        "https://pytorch.org/docs/stable/generated/torch.Tensor.detach.html",
        "https://pytorch.org/docs/stable/notes/autograd.html#in-place-operations-with-autograd",
    )
    fix_safety = UNSAFE  # the write may have been meant to change the original
    fix_title = "copy at the alias: `.detach()` -> `.detach().clone()`"
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
y = torch.exp(w)  # exp saves its output y for backward
d = y.detach()
d.add_(1)  # expect: DET101
shifted = d * 2
y.sum().backward()
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
y = torch.exp(w)
d = y.detach().clone()
d.add_(1)
shifted = d * 2
y.sum().backward()
""",
            proof=Raises("RuntimeError", "modified by an inplace operation"),
            fixed="""\
import torch

w = torch.ones(3, requires_grad=True)
y = torch.exp(w)  # exp saves its output y for backward
d = y.detach().clone()
d.add_(1)
shifted = d * 2
y.sum().backward()
""",
        ),
        Example(
            bad="""\
import torch

x = torch.zeros(3)
d = x.detach()
d.fill_(1.0)  # expect: DET101
total = x.sum() + d.sum()
""",
            good="""\
import torch

x = torch.zeros(3)
d = x.detach().clone()
d.fill_(1.0)
total = x.sum() + d.sum()
""",
            proof=Breaks("total.item() == 3.0"),
        ),
    )

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.scopes: list = []  # the open scopes, innermost last

    def on_scope_start(self, scope) -> None:
        self.scopes.append(Scope(scope))

    def on_scope_end(self, scope) -> None:
        self.scopes.pop()

    def on_inplace(self, target, site, op, source) -> None:
        alias = self.ctx.value(target).alias
        if alias is None:
            return
        original = alias.func.value
        fields = {"op": op, "target": self.ctx.text(target), "source": self.ctx.text(original)}
        alias_name = viewed_base(target)
        held_by = dotted_name(viewed_base(original))
        fix = None
        if isinstance(alias_name, cst.Name) and held_by is not None:  # `x.detach().zero_()`: DET104
            loops = self.ctx.loops
            scope = self.scopes[-1]
            reads = scope.reads_after(self.ctx.statement, loops[0] if loops else None)
            alias_read = alias_name.value in reads or any(name in reads for name in self.ctx.names_sharing(alias))
            # A clone is right only where the alias is used afterwards: else the write is lost.
            fix = self.fix((alias, clone_of(alias))) if alias_read else None
            # The original is used again as if unchanged, or lives on outside this scope while
            # the code goes on using the alias as a tensor of its own (it took detach() for a copy).
            if held_by in reads or (alias_read and held_by.split(".")[0] in scope.held_beyond):
                self.report(site, fix=fix, **fields)
                return
        # Harm that shows at backward(): a graph that saved the original reads the change.
        saved = viewed_name(original)
        if saved is not None:
            violation = self.violation(site, fix, **fields)
            for graph in self.ctx.names_whose_graph_saved(saved):
                self.ctx.pend_on_name(graph, violation)


def _held_beyond(scope: cst.CSTNode) -> set:
    """Names whose tensors the scope's caller or other code may hold: a function's parameters,
    its globals and free names, and names bound by iterating over something (a container's
    elements) or by `with ... as`. A name only ever assigned in the scope is its own."""
    assigned, elsewhere = bindings(scope.body if isinstance(scope, cst.FunctionDef) else scope)
    if isinstance(scope, cst.FunctionDef):
        elsewhere.update(param.name.value for param in all_params(scope.params))
    names = {node.value for node in walk(scope) if isinstance(node, cst.Name)}
    return elsewhere | (names - assigned)


def clone_of(detach_call: cst.Call) -> cst.Call:
    """`x.detach().clone()` for `x.detach()`, keeping the call's parentheses outside."""
    inner = detach_call.with_changes(lpar=[], rpar=[])
    return cst.Call(
        func=cst.Attribute(value=inner, attr=cst.Name("clone")), lpar=detach_call.lpar, rpar=detach_call.rpar
    )
