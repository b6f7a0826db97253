"""Flow-sensitive facts about the values that local names hold, per scope.

A fact is only ever what local evidence proves; anything else is unknown
(`None` for the tri-state fields), and unknown makes every rule stay silent.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Iterable, Optional

if TYPE_CHECKING:
    import libcst as cst

Tri = Optional[bool]  # True / False / unknown

# What else is known about a value (`Value.kind`).
FACTORY = "factory"  # a fresh tensor from a torch factory: zeros, empty, tensor, ...
OUTPUT = "output"  # returned by a callable named like a model: may carry a graph
LOSS = "loss"  # returned by a loss function, or backward() was called on it: carries a graph
LOSS_FUNCTION = "loss_function"  # an instance of a torch.nn.*Loss class
MODULE = "module"  # an instance of a torch.nn.Module class
PARAMETERS = "parameters"  # an iterable of parameters: model.parameters()
NAMED_PARAMETERS = "named_parameters"  # an iterable of (name, parameter) pairs
CARRIES_GRAPH = (OUTPUT, LOSS)


@dataclass(frozen=True)
class Value:
    tensor: bool = False  # evidently a torch.Tensor
    grad: Tri = None  # requires_grad
    leaf: Tri = None  # is_leaf; only meaningful where grad is True
    alias: Optional[cst.Call] = None  # the detach() call whose result this shares storage with
    kind: Optional[str] = None
    pending: frozenset = field(default_factory=frozenset)  # Violations reported if it reaches backward()
    saves: bool = False  # backward through this value's graph needs tensors saved in it
    freed: bool = False  # backward() already ran through this value's graph and freed them
    retained: bool = False  # retain_grad() was called on it
    saved_itself: bool = False  # the op that made this tensor saved it for backward (sigmoid...)
    saved_names: frozenset = field(default_factory=frozenset)  # names whose tensors its graph saved

    def join(self, other: "Value") -> "Value":
        """What is known after two control-flow paths meet: only what both agree on."""
        if self == other:
            return self
        return Value(
            tensor=self.tensor and other.tensor,
            grad=self.grad if self.grad == other.grad else None,
            leaf=self.leaf if self.leaf == other.leaf else None,
            alias=self.alias if self.alias == other.alias else None,
            kind=self.kind if self.kind == other.kind else None,
            pending=self.pending | other.pending,
            saves=self.saves and other.saves,
            freed=self.freed and other.freed,
            retained=self.retained or other.retained,
            saved_itself=self.saved_itself and other.saved_itself,
            saved_names=self.saved_names & other.saved_names,
        )

    def but(self, **changes) -> "Value":
        return replace(self, **changes)


UNKNOWN = Value()
CONSTANT = Value(grad=False)  # a Python literal: never requires grad
PARAMETER = Value(tensor=True, leaf=True)  # from model.parameters(): may be frozen


def any_grad(values: Iterable[Value]) -> Tri:
    """requires_grad of an op's result from its operands' (grad mode on)."""
    result: Tri = False
    for value in values:
        if value.grad:
            return True
        if value.grad is None:
            result = None
    return result


def op_result(operands: Iterable[Value], grad_mode: Tri, saves: bool = False) -> Value:
    """The value of a differentiable op applied to `operands`; `saves`: the op saves tensors
    for its backward."""
    operands = tuple(operands)
    grad = False if grad_mode is False else any_grad(operands)
    if grad_mode is None and grad:
        grad = None
    if grad is False:
        return Value(tensor=any(v.tensor for v in operands), grad=False, leaf=True)
    kinds = {v.kind for v in operands}
    return Value(
        tensor=any(v.tensor for v in operands),
        grad=grad,
        leaf=False if grad else None,
        kind=LOSS if LOSS in kinds else OUTPUT if OUTPUT in kinds else None,
        pending=frozenset().union(*(v.pending for v in operands)),
        saves=saves or any(v.saves for v in operands),
        freed=any(v.freed for v in operands),
        saved_names=frozenset().union(*(v.saved_names for v in operands)),
    )


class State:
    """Facts per local name at one point of a scope, plus the grad mode there."""

    __slots__ = ("names", "grad_mode")

    def __init__(self, grad_mode: Tri = True, names: Optional[dict] = None) -> None:
        self.names: dict[str, Value] = names if names is not None else {}
        self.grad_mode = grad_mode

    def copy(self) -> "State":
        return State(self.grad_mode, dict(self.names))

    def get(self, name: str) -> Value:
        return self.names.get(name, UNKNOWN)

    def forget(self, names: Iterable[str]) -> None:
        for name in names:
            self.names.pop(name, None)

    def join(self, other: Optional["State"]) -> "State":
        if other is None:
            return self
        names = {
            name: value.join(other.names[name])
            for name, value in self.names.items()
            if name in other.names
        }
        grad_mode = self.grad_mode if self.grad_mode == other.grad_mode else None
        return State(grad_mode, names)


def join_states(a: Optional[State], b: Optional[State]) -> Optional[State]:
    """Join where None stands for a path that never reaches this point (return, raise...)."""
    if a is None:
        return b
    return a.join(b)


def may_carry_graph(value: Value) -> bool:
    """Requires grad, or comes from a computation we cannot see into (a model's output)."""
    return bool(value.grad) or (value.kind in CARRIES_GRAPH and value.grad is not False)
