"""The one object rules see (`self.ctx`): what is known at the point of the walk where an
event fires, and how to report. Rules read facts only through this API."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .facts import Tri, Value
from .findings import Fix, Violation

if TYPE_CHECKING:
    import libcst as cst

    from .walker import Walker


class RuleContext:
    def __init__(self, walker: Walker) -> None:
        self._walker = walker
        self._evaluator = walker.evaluator

    # ---- where the walk is ------------------------------------------------------------

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
    def grad_mode(self) -> Tri:
        """Whether autograd records ops here: True, False (no_grad...) or None (unknown)."""
        return self._evaluator.state.grad_mode

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

    def value_of_name(self, name: str) -> Value:
        """What is known here of the value bound to the local `name`."""
        return self._evaluator.state.get(name)

    def qualname(self, expr: cst.BaseExpression) -> Optional[str]:
        """The canonical torch name `expr` refers to (`torch.nn.functional.relu` for
        `F.relu`), or None when it is not a torch name."""
        return self._evaluator.qualname(expr)

    def names_whose_graph_saved(self, name: str) -> list:
        """Local names whose graph saved the tensor now bound to `name`."""
        return self._walker.effects.names_whose_graph_saved(name)

    def text(self, node: cst.CSTNode, limit: int = 40) -> str:
        """The code of `node` on one line, cut to `limit` characters, for messages."""
        code = " ".join(self._walker.module.code_for_node(node).split())
        return code if len(code) <= limit else code[: limit - 3] + "..."

    # ---- reporting --------------------------------------------------------------------

    def report(self, code: str, message: str, node: cst.CSTNode, fix: Optional[Fix] = None) -> None:
        """A finding at `node` (one per code and node)."""
        self._walker.found.setdefault((code, id(node)), Violation(code, message, node, fix=fix))

    def pend(self, carrier: cst.CSTNode, violation: Violation) -> None:
        """Report `violation` once the value of `carrier` reaches backward()."""
        self._evaluator.pend(carrier, frozenset((violation,)))

    def pend_on_name(self, name: str, violation: Violation) -> None:
        """Report `violation` once the tensor now bound to `name` reaches backward()."""
        state = self._evaluator.state
        old = state.get(name)
        state.names[name] = old.but(pending=old.pending | {violation})
        self._evaluator.forget_values()
