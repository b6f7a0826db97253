"""What a rule is: code, name, message, doc, and the examples that test and document it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Optional, Union

import libcst as cst


# `needs` patterns several rules share.
BACKWARD = r"backward\s*\(|autograd"  # a call of backward(), not "backward compatibility"
LOOP = r"\bfor\b|\bwhile\b"
# An in-place write: `x.add_(`, `x += `, `x[i] = `, `out=x`, `inplace=True`.
INPLACE = r"[A-Za-z0-9]_\s*\(|[-+*/%@&|^]=|<<=|>>=|\]\s*=(?!=)|\bout\s*=|inplace"
# Leaf tensors that require grad come from one of these.
LEAF = r"requires_grad|Parameter|Variable"


@dataclass(frozen=True)
class Raises:
    """The bad example raises `error` with a message matching the regex `match`."""

    error: str
    match: str


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


SAFE = "safe"  # keeps what the code does, apart from the bug the rule describes
UNSAFE = "unsafe"  # may change what the code does: review it (applied with --unsafe-fixes)


@dataclass(frozen=True)
class Fix:
    """An edit that resolves a finding: each old node, found by identity in the analysed
    module, is swapped for its new node, so comments and formatting elsewhere survive."""

    safety: str  # SAFE or UNSAFE
    title: str
    replacements: tuple  # ((old_node, new_node), ...)


@dataclass(frozen=True)
class Violation:
    code: str
    message: str
    node: cst.CSTNode = field(repr=False)
    line: int = 0  # 1-based, filled in once positions are computed
    col: int = 0  # 0-based
    fix: Optional[Fix] = field(default=None, repr=False)


class Rule:
    code: ClassVar[str]  # DET + 3 digits
    name: ClassVar[str]  # kebab-case
    message: ClassVar[str]  # str.format template; lower-case start, no trailing period
    needs: ClassVar[tuple]  # regexes that all occur in the code of a scope where the rule fires,
    # the most telling first (the first needs of all rules make a one-search prefilter)
    what: ClassVar[str]  # doc: what it does
    why: ClassVar[str]  # doc: why is this bad?
    references: ClassVar[tuple] = ()
    examples: ClassVar[tuple]
    fix_safety: ClassVar[Optional[str]] = None  # SAFE or UNSAFE for a rule that offers a fix
    fix_title: ClassVar[Optional[str]] = None  # what the fix does, e.g. "replace `.data` with `.detach()`"

    def __init__(self, ctx) -> None:
        self.ctx = ctx

    def report(self, node: cst.CSTNode, fix: Optional[Fix] = None, **fields: str) -> None:
        self.ctx.report(self.code, self.message.format(**fields), node, fix)

    def fix(self, *replacements: tuple) -> Fix:
        """This rule's fix: swap each `(old_node, new_node)`."""
        return Fix(self.fix_safety, self.fix_title, tuple(replacements))

    def report_at_backward(
        self, carrier: cst.BaseExpression, node: cst.CSTNode, fix: Optional[Fix] = None, **fields: str
    ) -> None:
        """Report at `node` once the value of `carrier` flows into a backward() call."""
        self.ctx.pend(carrier, Violation(self.code, self.message.format(**fields), node, fix=fix))


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


def parenthesized(expr: cst.BaseExpression) -> cst.BaseExpression:
    """`expr`, in parentheses unless it is an atom, so that it can stand anywhere (`(a + b)`)."""
    if isinstance(expr, (cst.Name, cst.Attribute, cst.Call, cst.Subscript)) or expr.lpar:
        return expr
    return expr.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])


def call_method(expr: cst.BaseExpression, method: str) -> cst.Call:
    """`expr.method()`, parenthesising `expr` when it is not an atom (`(a + b).item()`)."""
    return cst.Call(func=cst.Attribute(value=parenthesized(expr), attr=cst.Name(method)))


def retains_graph(call: cst.Call) -> bool:
    """Whether a backward() call may keep its graph: `retain_graph=` anything but a literal
    False, or, without it, `create_graph=` anything but a literal False (its default)."""
    flag = keyword_arg(call, "retain_graph")
    if flag is None:
        flag = keyword_arg(call, "create_graph")
    return flag is not None and not (isinstance(flag, cst.Name) and flag.value == "False")
