"""The one registry of rules."""

from __future__ import annotations

from typing import Iterable, Optional

from ._base import DEFAULT, EVENTS, OPT_IN, Rule
from .det101_inplace_on_detached import InplaceOnDetached
from .det102_inplace_on_saved_tensor import InplaceOnSavedTensor
from .det103_inplace_on_leaf import InplaceOnLeaf
from .det104_inplace_on_unnamed_detach import InplaceOnUnnamedDetach
from .det105_inplace_on_leaf_argument import InplaceOnLeafArgument
from .det201_data_mutation import DataMutation
from .det202_data_access import DataAccess
from .det203_data_write import DataWrite
from .det301_clone_not_a_cut import CloneNotACut
from .det302_copy_not_a_cut import CopyNotACut
from .det303_graph_kept_across_iterations import GraphKeptAcrossIterations
from .det304_hidden_state_not_detached import HiddenStateNotDetached
from .det305_detach_result_discarded import DetachResultDiscarded
from .det306_target_keeps_graph import TargetKeepsGraph
from .det307_advantage_keeps_graph import AdvantageKeepsGraph
from .det308_module_state_keeps_graph import ModuleStateKeepsGraph
from .det401_backward_without_grad import BackwardWithoutGrad
from .det402_grad_of_non_leaf import GradOfNonLeaf
from .det403_requires_grad_before_move import RequiresGradBeforeMove
from .det404_requires_grad_typo import RequiresGradTypo
from .det405_module_requires_grad_attribute import ModuleRequiresGradAttribute
from .det406_backward_twice import BackwardTwice
from .det407_backward_after_step import BackwardAfterStep
from .det408_clip_grad_of_non_leaf import ClipGradOfNonLeaf
from .det409_non_leaf_optimized import NonLeafOptimized
from .det410_integer_requires_grad import IntegerRequiresGrad
from .det411_grad_mode_not_called import GradModeNotCalled
from .det412_numpy_of_requires_grad import NumpyOfRequiresGrad
from .det413_backward_gradient_shape import BackwardGradientShape
from .det501_variable_wrapper import VariableWrapper
from .det502_volatile_flag import VolatileFlag
from .det503_retain_variables import RetainVariables
from .det504_zero_dim_as_sequence import ZeroDimAsSequence
from .det505_removed_function import RemovedFunctionCall
from .det506_optimizer_step_count import OptimizerStepCount
from .det507_byte_mask import ByteMask

RULES: tuple = (
    InplaceOnDetached,
    InplaceOnSavedTensor,
    InplaceOnLeaf,
    InplaceOnUnnamedDetach,
    InplaceOnLeafArgument,
    DataMutation,
    DataAccess,
    DataWrite,
    CloneNotACut,
    CopyNotACut,
    GraphKeptAcrossIterations,
    HiddenStateNotDetached,
    DetachResultDiscarded,
    TargetKeepsGraph,
    AdvantageKeepsGraph,
    ModuleStateKeepsGraph,
    BackwardWithoutGrad,
    GradOfNonLeaf,
    RequiresGradBeforeMove,
    RequiresGradTypo,
    ModuleRequiresGradAttribute,
    BackwardTwice,
    BackwardAfterStep,
    ClipGradOfNonLeaf,
    NonLeafOptimized,
    IntegerRequiresGrad,
    GradModeNotCalled,
    NumpyOfRequiresGrad,
    BackwardGradientShape,
    VariableWrapper,
    VolatileFlag,
    RetainVariables,
    ZeroDimAsSequence,
    RemovedFunctionCall,
    OptimizerStepCount,
    ByteMask,
)


def select(select: Optional[Iterable[str]] = None, ignore: Iterable[str] = (), extend: Iterable[str] = ()) -> tuple:
    """The rules to run: those whose code starts with a selected prefix (without `select`, the
    default tier), and those starting with an `extend` prefix, less those with an ignored one."""
    selected = None if select is None else tuple(select)
    extended, ignored = tuple(extend), tuple(ignore)

    def wanted(rule) -> bool:
        chosen = rule.tier == DEFAULT if selected is None else rule.code.startswith(selected)
        if not chosen and not (extended and rule.code.startswith(extended)):
            return False
        return not (ignored and rule.code.startswith(ignored))

    return tuple(rule for rule in RULES if wanted(rule))


__all__ = ["DEFAULT", "EVENTS", "OPT_IN", "RULES", "Rule", "select"]
