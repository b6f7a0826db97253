"""DET419: a learning-rate scheduler stepped before the optimizer it drives has stepped once."""

from __future__ import annotations

import ast
import re
from typing import Optional

from ..syntax.ast_syntax import FUNCTIONS, call_arguments, dotted, scope_nodes
from ._base import Breaks, Example, FileRule

SCHEDULERS = "torch.optim.lr_scheduler."
# Schedulers whose step() takes a metric and skips no value of a schedule.
NOT_SCHEDULES = frozenset({"ReduceLROnPlateau"})
HELPER_DEPTH = 3  # calls followed into the file's functions to find an optimizer step
HUGGING_FACE = frozenset(("transformers", "pytorch_transformers"))
# Their schedules built on LambdaLR (pytorch_pretrained_bert's older ones are not schedulers).
WARMUP_SCHEDULES = (
    "get_linear_schedule_with_warmup", "get_cosine_schedule_with_warmup", "get_constant_schedule_with_warmup",
    "get_cosine_with_hard_restarts_schedule_with_warmup", "get_polynomial_decay_schedule_with_warmup",
    "get_constant_schedule", "get_scheduler", "WarmupLinearSchedule", "WarmupCosineSchedule",
    "WarmupConstantSchedule", "WarmupCosineWithHardRestartsSchedule",
)
WARMUP_SCHEDULE = re.compile("^(?:%s)$" % "|".join(WARMUP_SCHEDULES))


class SchedulerStepBeforeOptimizerStep(FileRule):
    code = "DET419"
    name = "scheduler-step-before-optimizer-step"
    message = "{scheduler}.step() runs before any optimizer.step(): the schedule's first value is skipped"
    needs = (r"lr_scheduler|_schedule|Schedule", r"\bstep\s*\(")
    what = (
        "Flags `scheduler.step()` in a loop body, where `scheduler` is built from a "
        "`torch.optim.lr_scheduler` class (not `ReduceLROnPlateau`) or by one of Hugging Face's "
        "warm-up schedules (LambdaLRs: `get_linear_schedule_with_warmup`, "
        "`WarmupLinearSchedule`), or is a parameter of a function of the file that every call "
        "of it passes such a scheduler, when the same body runs an "
        "optimizer step only after it (`optimizer.step()` later in the body, or in a function of "
        "the file the body calls later) and no optimizer step runs before it in that body."
    )
    why = (
        "Since PyTorch 1.1 a scheduler's `step()` moves to the next learning rate, and the "
        "optimizer's `step()` uses the current one, so the scheduler must step after the "
        "optimizer. Stepped first, as the 0.4-era examples did at the top of each epoch, the "
        "first learning rate of the schedule is never used: every decay comes one epoch (or one "
        "batch) early, a warm-up starts one step in, and torch warns \"Detected call of "
        "`lr_scheduler.step()` before `optimizer.step()`\". Step the scheduler after the "
        "epoch's training."
    )
    references = ("https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate",)
    examples = (
        Example(
            bad="""\
import torch

w = torch.nn.Parameter(torch.ones(1))
optimizer = torch.optim.SGD([w], lr=1.0)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.1)
used = []
for epoch in range(2):
    scheduler.step()  # expect: DET419
    w.grad = torch.ones(1)
    used.append(optimizer.param_groups[0]["lr"])
    optimizer.step()
""",
            good="""\
import torch

w = torch.nn.Parameter(torch.ones(1))
optimizer = torch.optim.SGD([w], lr=1.0)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.1)
used = []
for epoch in range(2):
    w.grad = torch.ones(1)
    used.append(optimizer.param_groups[0]["lr"])
    optimizer.step()
    scheduler.step()
""",
            proof=Breaks("used[0] == 1.0"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        schedulers = _scheduler_names(index)
        if not schedulers:
            return []
        stepping = _stepping_functions(index.tree, schedulers)
        found = []
        # A loop's body, or a function's (`def train(epoch): scheduler.step()` then its batches).
        bodies = (node for node in ast.walk(index.tree) if isinstance(node, (ast.For, ast.AsyncFor, ast.While, *FUNCTIONS)))
        for body in bodies:
            stepped = []  # the scheduler steps of the body before any optimizer step
            for statement in body.body:
                if _steps_optimizer([statement], schedulers, stepping):
                    found += [(call, {"scheduler": dotted(call.func.value)}) for call in stepped]
                    break  # no scheduler step in the body before it: the optimizer steps first
                call = _scheduler_step(statement, schedulers)
                if call is not None:
                    stepped.append(call)
        return found


def _scheduler_names(index) -> set:
    """The names and `self.` attributes bound to a scheduler built from torch.optim.lr_scheduler
    (or by Hugging Face's warm-up schedules, which are LambdaLRs), and the parameters of the
    file's functions that every call of them passes one."""
    factories = _warmup_schedule_factories(index.tree)
    names = set()
    for node in ast.walk(index.tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            callee = dotted(node.value.func)
            qualname = index.imports.qualname_of_dotted(callee) or ""
            if (qualname.startswith(SCHEDULERS) and qualname.rpartition(".")[2] not in NOT_SCHEDULES) or callee in factories:
                names.update(dotted(target) for target in node.targets if dotted(target))
    return names | _given_parameters(index, names) if names else names


def _warmup_schedule_factories(tree: ast.Module) -> set:
    """The local names of Hugging Face's schedule functions and classes that build a LambdaLR
    (`from transformers import get_linear_schedule_with_warmup`, `transformers.get_...`)."""
    found = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").partition(".")[0] in HUGGING_FACE:
            found.update(alias.asname or alias.name for alias in node.names if WARMUP_SCHEDULE.match(alias.name))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.partition(".")[0] in HUGGING_FACE:
                    found.update(f"{alias.asname or alias.name}.{name}" for name in WARMUP_SCHEDULES)
    return found


def _given_parameters(index, schedulers: set) -> set:
    """The parameters of the file's functions that every call of the function passes a
    scheduler, by position or keyword (`train_model(model, criterion, optimizer, exp_lr_scheduler)`);
    none of a function handed on (FileIndex.function_calls)."""
    found = set()
    for name, calls in index.function_calls.items():
        function = index.summarisable_functions[name]
        given = [dict(call_arguments(function, call)) for call, _ in calls]
        for parameter in (a.arg for a in function.args.args):
            if given and all(dotted(arguments.get(parameter)) in schedulers for arguments in given):
                found.add(parameter)
    return found


def _scheduler_step(statement: ast.stmt, schedulers: set) -> Optional[ast.Call]:
    """`scheduler.step()` (no metric: a schedule's step) as the statement itself, or in the
    branches of an `if` (`if args.optimizer == "momentum": scheduler.step()`)."""
    if isinstance(statement, ast.If):
        branches = (_scheduler_step(inner, schedulers) for inner in (*statement.body, *statement.orelse))
        return next((call for call in branches if call is not None), None)
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
        call = statement.value
        if (isinstance(call.func, ast.Attribute) and call.func.attr == "step" and not call.args and not call.keywords
                and dotted(call.func.value) in schedulers):
            return call
    return None


def _stepping_functions(tree: ast.Module, schedulers: set) -> set:
    """The file's top-level functions that run an optimizer step themselves or through at most
    HELPER_DEPTH - 1 calls of others among them; each body walked once per round."""
    functions = [node for node in tree.body if isinstance(node, FUNCTIONS)]
    stepping: set = set()
    for _ in range(HELPER_DEPTH):
        stepping = {node.name for node in functions if _steps_optimizer(node.body, schedulers, stepping)}
    return stepping


def _steps_optimizer(statements: list, schedulers: set, stepping: set) -> bool:
    """Whether `statements` run an optimizer step: `x.step()` without arguments (or with a
    closure) on anything but a scheduler (an environment's `step(action)` takes one), or a call
    of a function of the file that does (`stepping`)."""
    for node in scope_nodes(statements, skip_definitions=True):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "step" and dotted(func.value) not in schedulers:
            if not node.args and all(keyword.arg == "closure" for keyword in node.keywords):
                return True
        if isinstance(func, ast.Name) and func.id in stepping:
            return True
    return False
