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
OPTIMIZER = "optimizer"  # a torch.optim optimizer
NAMED_PARAMETERS = "named_parameters"  # an iterable of (name, parameter) pairs
PYTHON = "python"  # not a tensor: a literal, None, a number from .item(), a shape...
INSTANCE = "instance"  # an instance of a class of the file that is no torch.nn.Module
GRADIENTS = "gradients"  # what torch.autograd.grad() gives: a tuple of tensors
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
    data_of: Optional[str] = None  # `.data` of (a view of) the tensor bound to this local name
    integral: bool = False  # a bool or integer tensor (comparisons, argmax...): never requires grad
    zero_dim: bool = False  # a 0-dim tensor or array (a reduced loss); for a loss function: its results
    number: bool = False  # a Python int or float (a literal)
    # For a loss: the local names whose values `+ - * /` combined into it (`g_loss = adv + cycle`):
    # what backward() shows of its shape holds for them too.
    terms: frozenset = field(default_factory=frozenset)
    # The modules (dotted names: `D`, `self.q1`) whose calls built the graph; for parameters
    # and an optimizer: the modules whose parameters they are, or that it updates.
    modules: frozenset = field(default_factory=frozenset)
    stale_by: Optional[str] = None  # an optimizer whose step() changed parameters this graph saved
    # backward(retain_graph=True) ran through it: the next optimizer step() applies what it gave
    # (evidence that the optimizer's parameters are in its graph, where nothing else says which).
    retained_backward: bool = False
    # backward(retain_graph=True) added its gradients into `.grad`, and no call since may have
    # reset them (a zero_grad(), a `.grad` write, a call not seen into).
    gradients_added: bool = False
    # For a module: whether its parameters require grad (built here from torch.nn, not frozen
    # since), and which of `weight`/`bias` it has.
    trainable: Tri = None
    param_attrs: frozenset = field(default_factory=frozenset)
    # A module with no parameters at all (`nn.Tanh()`, `nn.Dropout()`): its output requires
    # grad only where its input does.
    no_parameters: bool = False
    # How the last move named where the tensor is (`device` in `x.to(device)`, "cuda" for
    # `.cuda()`): a move to the same place again gives back the tensor itself.
    placed: Optional[str] = None
    vector_of_one: bool = False  # a 1-D tensor of one element (shape [1]): `torch.FloatTensor([1])`
    one_dim: bool = False  # a 1-D tensor (`x.view(-1)`, `x.flatten()`): a reduction over dim 0 is 0-dim
    # A list built here (`res = []`) that only `append()` changed, and the join of what was
    # appended (None: nothing yet): an element unpacked from it (`top1, top5 = accuracy(...)`).
    listed: bool = False
    elements: Optional["Value"] = None
    # The torch.load() call that unpickled this object (moved or switched since: `.to(device)`,
    # `.eval()`): tensors, a dict of them, or any pickled object.
    loaded_by: frozenset = field(default_factory=frozenset)
    # The `volatile=` arguments of the Variable()s this tensor was wrapped by (or computed from),
    # or the `x.volatile = True`s that set it, on any path: ignored since 0.4, so a forward of
    # it records the graph each flag was meant to skip.
    volatile: frozenset = field(default_factory=frozenset)
    # Where the object was first bound to a name (the id of that target): two paths that hold
    # the same object share what either learned of its shape (`loss.backward()` in one branch).
    bound_at: Optional[int] = None
    # For a module or an instance built from a class of the file (None, the class) or imported
    # by name from a module of the project (that file, the class): what calling it, or its
    # methods, gives or does may be known.
    built_from: Optional[tuple] = None

    def join(self, other: "Value") -> "Value":
        """What is known after two control-flow paths meet: only what both agree on."""
        if self == other:
            return self
        return Value(
            tensor=self.tensor and other.tensor,
            grad=self.grad if self.grad == other.grad else None,
            leaf=self.leaf if self.leaf == other.leaf else None,
            alias=self.alias if self.alias == other.alias else None,
            # `total = 0` before a loop that adds losses into it: a loss, once one was added.
            kind=self.kind if self.kind == other.kind else LOSS if {self.kind, other.kind} == {LOSS, PYTHON} and (
                self.number or other.number) else None,
            pending=self.pending | other.pending,
            saves=self.saves and other.saves,
            freed=self.freed and other.freed,
            retained=self.retained or other.retained,
            saved_itself=self.saved_itself and other.saved_itself,
            saved_names=self.saved_names & other.saved_names,
            data_of=self.data_of if self.data_of == other.data_of else None,
            integral=self.integral and other.integral,
            # A 0-dim tensor on one path and a number on the other (`loss = 0` before a loop
            # that adds losses): whatever needs a tensor of it, or indexes it, fails on both.
            zero_dim=(self.zero_dim or self.number) and (other.zero_dim or other.number) and (self.zero_dim or other.zero_dim)
            or self.bound_at is not None and self.bound_at == other.bound_at and (self.zero_dim or other.zero_dim),
            number=self.number and other.number,
            terms=self.terms & other.terms,
            modules=self.modules & other.modules,
            stale_by=self.stale_by if self.stale_by == other.stale_by else None,
            retained_backward=self.retained_backward and other.retained_backward,
            gradients_added=self.gradients_added and other.gradients_added,
            trainable=self.trainable if self.trainable == other.trainable else None,
            param_attrs=self.param_attrs & other.param_attrs,
            no_parameters=self.no_parameters and other.no_parameters,
            placed=self.placed if self.placed == other.placed else None,
            vector_of_one=self.vector_of_one and other.vector_of_one,
            one_dim=self.one_dim and other.one_dim,
            listed=self.listed and other.listed,
            elements=_joined_elements(self, other),
            loaded_by=self.loaded_by | other.loaded_by,  # what each path's load gave reaches the use
            volatile=self.volatile | other.volatile,  # each flag was ignored on its own path
            bound_at=self.bound_at if self.bound_at == other.bound_at else None,
            built_from=self.built_from if self.built_from == other.built_from else None,
        )

    def but(self, **changes) -> "Value":
        return replace(self, **changes)


def _joined_elements(one: Value, other: Value) -> Optional[Value]:
    """What a list built on both paths may hold: what either appended (an empty list holds nothing)."""
    if not (one.listed and other.listed):
        return None
    if one.elements is None or other.elements is None:
        return one.elements if other.elements is None else other.elements
    return one.elements.join(other.elements)


UNKNOWN = Value()
CONSTANT = Value(grad=False, kind=PYTHON)  # a Python value: never requires grad, has no backward()
NUMBER = CONSTANT.but(number=True)
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
    if operands and all(v.kind == PYTHON for v in operands):
        return CONSTANT  # Python values (numbers, None): no tensor, whatever the op
    grad = False if grad_mode is False else any_grad(operands)
    if grad_mode is None and grad:
        grad = None
    volatile = frozenset().union(*(v.volatile for v in operands))
    if grad is False:
        return Value(tensor=any(v.tensor for v in operands), grad=False, leaf=True, volatile=volatile)
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
        modules=frozenset().union(*(v.modules for v in operands)),
        stale_by=next((v.stale_by for v in operands if v.stale_by), None),
        volatile=volatile,
    )


class State:
    """Facts per local name at one point of a scope, the grad mode there, and the names that
    are certainly not bound yet there (a join takes the other path's facts for those: where
    one is used after the join, it was bound on that path)."""

    __slots__ = ("names", "grad_mode", "unbound")

    def __init__(self, grad_mode: Tri = True, names: Optional[dict] = None, unbound: frozenset = frozenset()) -> None:
        self.names: dict[str, Value] = names if names is not None else {}
        self.grad_mode = grad_mode
        self.unbound = unbound

    def copy(self) -> "State":
        return State(self.grad_mode, dict(self.names), self.unbound)

    def get(self, name: str) -> Value:
        return self.names.get(name, UNKNOWN)

    def set(self, name: str, value: Value) -> None:
        self.names[name] = value
        if name in self.unbound:
            self.unbound = self.unbound - {name}

    def forget(self, names: Iterable[str]) -> None:
        """What the names hold is unknown from here (they are bound, to what is not known)."""
        names = set(names)
        for name in names:
            self.names.pop(name, None)
        if names & self.unbound:
            self.unbound = self.unbound - names

    def join(self, other: Optional["State"]) -> "State":
        if other is None:
            return self
        names = {}
        for name in self.names.keys() | other.names.keys():
            if name in self.unbound or name not in self.names:
                if name in self.unbound and name in other.names:
                    names[name] = other.names[name]
            elif name in other.unbound:
                names[name] = self.names[name]
            elif name in other.names:
                names[name] = self.names[name].join(other.names[name])
        grad_mode = self.grad_mode if self.grad_mode == other.grad_mode else None
        return State(grad_mode, names, self.unbound & other.unbound)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, State)
            and self.grad_mode == other.grad_mode
            and self.unbound == other.unbound
            and self.names == other.names
        )

    __hash__ = None


def join_states(*states: Optional[State]) -> Optional[State]:
    """Join where None stands for a path that never reaches this point (return, raise...)."""
    result = None
    for state in states:
        if result is None:
            result = state
        elif state is not None:
            result = result.join(state)
    return result


def may_carry_graph(value: Value) -> bool:
    """Requires grad, or comes from a computation we cannot see into (a model's output)."""
    return bool(value.grad) or (value.kind in CARRIES_GRAPH and value.grad is not False)
