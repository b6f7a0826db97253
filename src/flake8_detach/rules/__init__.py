"""The one registry of rules."""

from __future__ import annotations

from typing import Iterable, Optional

from ._base import Rule
from .backward import BackwardWithoutGrad
from .data_attribute import DataAccess, DataMutation
from .detach_alias import InplaceOnDetached
from .graph_cut import CloneNotACut, CopyNotACut

RULES: tuple = (
    InplaceOnDetached,
    DataMutation,
    DataAccess,
    CloneNotACut,
    CopyNotACut,
    BackwardWithoutGrad,
)


def select(select: Optional[Iterable[str]] = None, ignore: Iterable[str] = ()) -> tuple:
    """Rules whose code starts with a selected prefix and with no ignored one."""
    chosen = tuple(select) if select is not None else ("DET",)
    ignored = tuple(ignore)
    return tuple(
        rule
        for rule in RULES
        if rule.code.startswith(chosen) and not rule.code.startswith(ignored or ("\0",))
    )


__all__ = ["RULES", "Rule", "select"]
