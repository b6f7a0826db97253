"""DET506: an int step count in the state of a subclass of torch's Adam-style optimizers."""

from __future__ import annotations

import libcst as cst

from ._base import Example, Raises, WalkRule

# torch optimizers whose step() needs state["step"] to be a tensor (since PyTorch 1.12).
TENSOR_STEP_OPTIMIZERS = frozenset(
    f"torch.optim.{name}" for name in "Adam AdamW Adamax NAdam RAdam Adagrad RMSprop".split()
)


class OptimizerStepCount(WalkRule):
    code = "DET506"
    name = "optimizer-step-count"
    message = "{target} = {value} is an int: {base}.step() raises RuntimeError since PyTorch 1.12"
    needs = (r"""\[\s*['"]step['"]\s*\]\s*=""",)
    raises = "RuntimeError"
    what = (
        "Flags `state['step'] = 0` (an int) in a class of the file that subclasses "
        "`torch.optim.Adam`, `AdamW`, `Adamax`, `NAdam`, `RAdam`, `Adagrad` or `RMSprop` "
        "without a `step()` of its own: the shared-memory `SharedAdam` of many A3C examples."
    )
    why = (
        "Since PyTorch 1.12 these optimizers keep the step count as a tensor, and their "
        "`step()` raises \"API has changed, `state_steps` argument must contain a list of "
        "singleton tensors\" on an int. Start the count as a tensor: "
        "`state['step'] = torch.zeros(())` (and `share_memory_()` it with the other state)."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.optim.Adam.html",)
    examples = (
        Example(
            bad="""\
import torch


class SharedAdam(torch.optim.Adam):
    def __init__(self, params, lr=1e-3):
        super().__init__(params, lr=lr)
        for group in self.param_groups:
            for p in group["params"]:
                state = self.state[p]
                state["step"] = 0  # expect: DET506
                state["exp_avg"] = torch.zeros_like(p)
                state["exp_avg_sq"] = torch.zeros_like(p)


w = torch.nn.Parameter(torch.ones(2))
opt = SharedAdam([w])
w.sum().backward()
opt.step()
""",
            good="""\
import torch


class SharedAdam(torch.optim.Adam):
    def __init__(self, params, lr=1e-3):
        super().__init__(params, lr=lr)
        for group in self.param_groups:
            for p in group["params"]:
                state = self.state[p]
                state["step"] = torch.zeros(())
                state["exp_avg"] = torch.zeros_like(p)
                state["exp_avg_sq"] = torch.zeros_like(p)


w = torch.nn.Parameter(torch.ones(2))
opt = SharedAdam([w])
w.sum().backward()
opt.step()
""",
            proof=Raises("RuntimeError", "state_steps"),
        ),
    )

    def on_inplace(self, target, site, op, source) -> None:
        if not (isinstance(site, cst.Subscript) and isinstance(source, cst.Integer) and _keyed_step(site)):
            return
        facts = self.ctx.enclosing_class
        if facts is None or "step" in facts.methods:
            return
        base = next((base for base in facts.bases if base in TENSOR_STEP_OPTIMIZERS), None)
        if base is not None:
            self.report(site, target=self.ctx.text(site, 30), value=source.value, base=base.rpartition(".")[2])


def _keyed_step(subscript: cst.Subscript) -> bool:
    if len(subscript.slice) != 1 or not isinstance(subscript.slice[0].slice, cst.Index):
        return False
    key = subscript.slice[0].slice.value
    return isinstance(key, cst.SimpleString) and key.evaluated_value == "step"
