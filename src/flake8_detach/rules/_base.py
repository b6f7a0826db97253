"""What a rule is: code, name, message, doc, the examples that test and document it, and the
events of the walk it can handle (the rule protocol)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, ClassVar, Optional, Union

from ..findings import Fix, Violation

if TYPE_CHECKING:
    import libcst as cst

    from ..analysis.file_index import FileIndex
    from ..engine.context import RuleContext


# `needs` patterns several rules share.
BACKWARD = r"backward\s*\(|autograd"  # a call of backward(), not "backward compatibility"
LOOP = r"\bfor\b|\bwhile\b"
# An in-place write: `x.add_(`, `x += `, `x[i] = `, `out=x`, `inplace=True`.
INPLACE = r"[A-Za-z0-9]_\s*\(|[-+*/%@&|^]=|<<=|>>=|\]\s*=(?!=)|\bout\s*=|inplace"
# A loss is named or computed somewhere around (or a backward() runs).
LOSS_WORDS = r"loss|Loss|criterion|cross_entropy|kl_div|backward\s*\("
# Leaf tensors that require grad come from one of these.
LEAF = r"requires_grad|Parameter|Variable|weight\b|bias\b|parameters\s*\("


@dataclass(frozen=True)
class Raises:
    """The bad example raises `error` (a builtin exception's name or a dotted one,
    `pickle.UnpicklingError`; or a tuple of names where the Python version decides which) with a
    message matching the regex `match`."""

    error: Union[str, tuple]
    match: str

    @property
    def errors(self) -> tuple:
        return exception_names(self.error)


def exception_names(error: Union[str, tuple, None]) -> tuple:
    """The exception names of a `raises` or `Raises.error`: one name or several."""
    return () if error is None else (error,) if isinstance(error, str) else tuple(error)


@dataclass(frozen=True)
class Warns:
    """The bad example emits a warning whose message matches the regex `match`."""

    match: str


@dataclass(frozen=True)
class Breaks:
    """`invariant`, a Python expression, is true after the good example and false after the bad one."""

    invariant: str


Proof = Union[Raises, Warns, Breaks]


@dataclass(frozen=True)
class Example:
    """A bad snippet (lines marked `# expect: CODE`) and its good counterpart; both run under torch.
    For a rule with a fix, `bad` (without its markers) after `--fix --unsafe-fixes` is `fixed`,
    given where it differs from `good`."""

    bad: str
    good: str
    proof: Proof
    fixed: Optional[str] = None

    @property
    def after_fix(self) -> str:
        return self.fixed if self.fixed is not None else self.good


DEFAULT = "default"  # every finding misbehaves at runtime: on unless deselected
OPT_IN = "opt-in"  # deprecated or risky idioms that work: off unless selected by code


class Rule:
    """What every rule declares: its code, message, tier, docs and proofs. A rule is one of
    two kinds: a `WalkRule` listens to the walk of the libcst pieces of a file, a `FileRule`
    reads the whole file's `ast` at once."""

    code: ClassVar[str]  # DET + 3 digits
    name: ClassVar[str]  # kebab-case
    message: ClassVar[str]  # str.format template; lower-case start, no trailing period
    needs: ClassVar[tuple]  # regexes that all occur in the code where the rule fires (a WalkRule:
    # in the scope it reasons about; a FileRule: in the file), the most telling first (the first
    # needs of all rules make a one-search prefilter)
    tier: ClassVar[str] = DEFAULT  # DEFAULT or OPT_IN
    tier_reason: ClassVar[str] = ""  # doc, for an opt-in rule: why its findings are not all bugs
    what: ClassVar[str]  # doc: what it does
    why: ClassVar[str]  # doc: why is this bad?
    references: ClassVar[tuple] = ()
    examples: ClassVar[tuple]
    raises: ClassVar[Union[str, tuple, None]] = None  # the exception(s) the flagged code raises, if it does: not
    # reported inside a `try` body that handles it (code that shows the error on purpose)
    fix_safety: ClassVar[Optional[str]] = None  # SAFE or UNSAFE for a rule that offers a fix
    fix_title: ClassVar[Optional[str]] = None  # what the fix does, e.g. "replace `.data` with `.detach()`"


class FileRule(Rule):
    """A rule whose evidence lies apart in the file (a class's `__init__` and `forward`, a
    helper, an `nn.Sequential`): it reads the whole file's `ast` where its `needs` all occur in
    the file, and needs no libcst piece."""

    @staticmethod
    def check_file(index: FileIndex) -> list:
        """(ast statement, message fields) pairs: where the rule fires and what its message says."""
        raise NotImplementedError


class WalkRule(Rule):
    """A rule that listens to the walk: it overrides the event hooks it needs (`on_*` below);
    the walk calls only those (`events()`), each at the point of the code it names, with
    `self.ctx` (engine.context.RuleContext) describing that point. One instance serves one
    piece of a file."""

    # Optional precheck on Python's `ast`, before libcst parses a scope: `possible_in(scope,
    # index)` is False only where the rule cannot fire in `scope` (a pipeline.planning.Scope:
    # its ast nodes, by type; `index` the file's analysis.file_index.FileIndex: its imports,
    # built values...). It must be monotone: True for a scope, True for any code holding it.
    # None: any scope its `needs` occur in.
    possible_in: ClassVar[Optional[Callable[[object, object], bool]]] = None

    def __init__(self, ctx: RuleContext) -> None:
        self.ctx = ctx

    @classmethod
    def events(cls) -> tuple:
        """The event hooks this rule overrides."""
        return tuple(event for event in EVENTS if getattr(cls, event) is not getattr(WalkRule, event))

    # ---- reporting --------------------------------------------------------------------

    def report(self, node: cst.CSTNode, fix: Optional[Fix] = None, raises: Optional[str] = None, **fields: str) -> None:
        """A finding at `node`; `raises`: the exception this finding's code raises, where it is
        not the rule's own `raises`."""
        self.ctx.report(self.violation(node, fix, raises, **fields))

    def violation(self, node: cst.CSTNode, fix: Optional[Fix] = None, raises: Optional[str] = None, **fields: str) -> Violation:
        """This rule's finding at `node`, not yet reported (report() reports one)."""
        return Violation(self.code, self.message.format(**fields), node, fix=fix, raises=exception_names(raises or self.raises))

    def fix(self, *replacements: tuple) -> Fix:
        """This rule's fix: swap each `(old_node, new_node)`."""
        return Fix(self.fix_safety, self.fix_title, tuple(replacements))

    def report_at_backward(
        self, carrier: cst.BaseExpression, node: cst.CSTNode, fix: Optional[Fix] = None, **fields: str
    ) -> None:
        """Report at `node` once the value of `carrier` flows into a backward() call."""
        self.ctx.pend(carrier, self.violation(node, fix, **fields))

    # ---- events: the walk calls each overridden hook where the code does what it names ----

    def on_scope_start(self, scope: cst.CSTNode) -> None:
        """A module or function body begins (`scope`: the Module or FunctionDef)."""

    def on_scope_end(self, scope: cst.CSTNode) -> None:
        """That body ends."""

    def on_call(self, call: cst.Call) -> None:
        """A call is about to run (fired before the calls in its arguments)."""

    def on_attribute(self, attribute: cst.Attribute) -> None:
        """An attribute is read (`x.data`, `y.grad`)."""

    def on_name(self, name: cst.Name) -> None:
        """A bare name is read (`x`, `loss` in `loss.backward()`); not an attribute's or a
        keyword argument's name, not a name being bound."""

    def on_subscript(self, subscript: cst.Subscript) -> None:
        """An item is read (`loss.data[0]`); item assignment is `on_inplace`."""

    def on_inplace(
        self, target: cst.BaseExpression, site: cst.CSTNode, op: str, source: Optional[cst.BaseExpression]
    ) -> None:
        """`target` is written in place at `site`: a method like `add_()` (op "add_()"), item
        assignment ("item assignment"), an augmented assignment ("+="), `out=` ("out="), or a
        torch function's in-place form ("relu_()"); `source` is the value written, if one."""

    def on_backward(self, call: cst.Call, tensor: cst.BaseExpression) -> None:
        """`call` runs backward through `tensor`: `tensor.backward()`,
        `torch.autograd.backward(tensor)` or `torch.autograd.grad(tensor, ...)`."""

    def on_assign(self, target: cst.BaseExpression, value: cst.BaseExpression, statement: cst.CSTNode) -> None:
        """A name or tuple `target` is bound to `value` by `statement`; fired before the binding."""

    def on_attr_assign(self, target: cst.Attribute, value: cst.BaseExpression, statement: cst.CSTNode) -> None:
        """`obj.attr = value`, before the binding."""

    def on_augassign(self, statement: cst.AugAssign) -> None:
        """`x += y` and the like, before its effects."""

    def on_return(self, statement: cst.Return) -> None:
        """`return` or `return value`, after the events of the value."""

    def on_decorator(self, decorator: cst.Decorator, definition: cst.CSTNode) -> None:
        """`definition` (a FunctionDef or ClassDef) is decorated with `decorator`, after the
        events of its expression."""

    def on_loop(self, loop: cst.CSTNode) -> None:
        """A For or While loop's body begins (it is already in `ctx.loops`)."""

    def on_with_item(self, manager: cst.BaseExpression) -> None:
        """`with manager:` (or `as ...`) is entered: `manager` is the item's expression, a call
        or a bare name (`torch.no_grad`); fired after the events of the calls in it."""


EVENTS = tuple(name for name in vars(WalkRule) if name.startswith("on_"))
