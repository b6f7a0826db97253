"""The one registry of rules."""

from __future__ import annotations

from typing import Iterable, Optional

from ._base import EVENTS, Rule
from .det101_inplace_on_detached import InplaceOnDetached
from .det102_inplace_on_saved_tensor import InplaceOnSavedTensor
from .det103_inplace_on_leaf import InplaceOnLeaf
from .det201_data_mutation import DataMutation
from .det202_data_access import DataAccess
from .det301_clone_not_a_cut import CloneNotACut
from .det302_copy_not_a_cut import CopyNotACut
from .det303_graph_kept_across_iterations import GraphKeptAcrossIterations
from .det304_hidden_state_not_detached import HiddenStateNotDetached
from .det401_backward_without_grad import BackwardWithoutGrad
from .det402_grad_of_non_leaf import GradOfNonLeaf
from .det403_requires_grad_before_move import RequiresGradBeforeMove
from .det404_requires_grad_typo import RequiresGradTypo
from .det405_module_requires_grad_attribute import ModuleRequiresGradAttribute
from .det406_backward_twice import BackwardTwice
from .det501_variable_wrapper import VariableWrapper
from .det502_volatile_flag import VolatileFlag

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


__all__ = ["EVENTS", "RULES", "Rule", "select"]
