"""The one registry of rules."""

from __future__ import annotations

from typing import Iterable, Optional

from ._base import Rule
from .backward import BackwardWithoutGrad
from .data_attribute import DataAccess, DataMutation
from .detach_alias import InplaceOnDetached
from .grad_access import GradOfNonLeaf, RequiresGradBeforeMove
from .graph_cut import CloneNotACut, CopyNotACut
from .graph_lifetime import BackwardTwice, GraphKeptAcrossIterations, HiddenStateNotDetached
from .inplace_autograd import InplaceOnLeaf, InplaceOnSavedTensor
from .legacy import VariableWrapper, VolatileFlag
from .requires_grad_flags import ModuleRequiresGradAttribute, RequiresGradTypo

RULES: tuple = (
    InplaceOnDetached,
    InplaceOnSavedTensor,
    InplaceOnLeaf,
    DataMutation,
    DataAccess,
    CloneNotACut,
    CopyNotACut,
    GraphKeptAcrossIterations,
    HiddenStateNotDetached,
    BackwardWithoutGrad,
    GradOfNonLeaf,
    RequiresGradBeforeMove,
    RequiresGradTypo,
    ModuleRequiresGradAttribute,
    BackwardTwice,
    VariableWrapper,
    VolatileFlag,
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
