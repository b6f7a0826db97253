"""What an analysis produces: violations, and the fixes that resolve them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    import libcst as cst

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
    # The exceptions the flagged code raises (builtin names): the finding is dropped inside a
    # `try` body that handles one of them (pipeline.checking.unhandled).
    raises: tuple = field(default=(), repr=False, compare=False)
