"""DET506: an int step count in the state of a subclass of torch's Adam-style optimizers."""

from __future__ import annotations

import libcst as cst

from ._base import Example, Raises, WalkRule

# torch optimizers whose step() needs state["step"] to be a tensor (since PyTorch 1.12).
TENSOR_STEP_OPTIMIZERS = frozenset(
    f"torch.optim.{name}" for name in "Adam AdamW Adamax NAdam RAdam Adagrad RMSprop".split()
)


# Keys only the state of torch's Adam, AdamW, RAdam, NAdam (exp_avg_sq) or Adamax (exp_inf) holds.
ADAM_STATE_KEYS = frozenset(("exp_avg_sq", "exp_inf"))


class OptimizerStepCount(WalkRule):
    code = "DET506"
    name = "optimizer-step-count"
    message = "{target} = {value} is an int: the step() of {base} raises RuntimeError since PyTorch 1.12"
    needs = (r"""\[\s*['"]step['"]\s*\]\s*=""",)
    raises = "RuntimeError"
    what = (
        "Flags `state['step'] = 0` (an int) in a class of the file that subclasses "
        "`torch.optim.Adam`, `AdamW`, `Adamax`, `NAdam`, `RAdam`, `Adagrad` or `RMSprop` "
        "without a `step()` of its own: the shared-memory `SharedAdam` of many A3C examples; "
        "and anywhere else (a function that shares an optimizer's state) where the same state "
        "dict is given an Adam-style key (`exp_avg_sq`, `exp_inf`), in a file that defines no "
        "class with a `step()` of its own (whose state it may be)."
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
        Example(
            bad="""\
import torch


def share_parameters(adam):
    for group in adam.param_groups:
        for p in group["params"]:
            state = adam.state[p]
            state["step"] = 0  # expect: DET506
            state["exp_avg"] = torch.zeros_like(p).share_memory_()
            state["exp_avg_sq"] = torch.zeros_like(p).share_memory_()


w = torch.nn.Parameter(torch.ones(2))
opt = torch.optim.Adam([w])
share_parameters(opt)
w.sum().backward()
opt.step()
""",
            good="""\
import torch


def share_parameters(adam):
    for group in adam.param_groups:
        for p in group["params"]:
            state = adam.state[p]
            state["step"] = torch.zeros(()).share_memory_()
            state["exp_avg"] = torch.zeros_like(p).share_memory_()
            state["exp_avg_sq"] = torch.zeros_like(p).share_memory_()


w = torch.nn.Parameter(torch.ones(2))
opt = torch.optim.Adam([w])
share_parameters(opt)
w.sum().backward()
opt.step()
""",
            proof=Raises("RuntimeError", "state_steps"),
        ),
    )

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        # Per open scope: the state dicts (by their code) written Adam-style keys, and the
        # int steps written into each, reported when such a key shows whose state it is.
        self.scopes: list = []

    def on_scope_start(self, scope) -> None:
        self.scopes.append((set(), {}))

    def on_scope_end(self, scope) -> None:
        adam_states, int_steps = self.scopes.pop()
        if any("step" in facts.methods for facts in self.ctx.classes.values()):
            return  # the file writes an optimizer with a step() of its own: the state may be its
        for holder, sites in int_steps.items():
            if holder in adam_states:
                for site, value in sites:
                    self.report(site, target=self.ctx.text(site, 30), value=value, base="an Adam-style optimizer")

    def on_inplace(self, target, site, op, source) -> None:
        if op == "item assignment":
            self._written(site, source)

    def on_assign(self, target, value, statement) -> None:
        """`state['shared_steps'], state['step'] = torch.zeros(1), 0`."""
        if isinstance(target, cst.Tuple) and isinstance(value, cst.Tuple) and len(target.elements) == len(value.elements):
            for element, source in zip(target.elements, value.elements):
                if isinstance(element.value, cst.Subscript) and not isinstance(source, cst.StarredElement):
                    self._written(element.value, source.value)

    def _written(self, site: cst.Subscript, source: cst.BaseExpression) -> None:
        key = _key(site)
        holder = self.ctx.text(site.value, limit=10_000)
        if key in ADAM_STATE_KEYS:  # the state of an Adam-style optimizer, which torch's step() reads
            self.scopes[-1][0].add(holder)
        if key != "step" or not isinstance(source, cst.Integer):
            return
        facts = self.ctx.enclosing_class
        if facts is not None and "step" not in facts.methods:
            base = next((base for base in facts.bases if base in TENSOR_STEP_OPTIMIZERS), None)
            if base is not None:  # a subclass of torch's optimizer: its state is that optimizer's
                self.report(site, target=self.ctx.text(site, 30), value=source.value, base=base)
                return
        self.scopes[-1][1].setdefault(holder, []).append((site, source.value))


def _key(subscript: cst.Subscript):
    """The string key of `d["key"]`, or None."""
    if len(subscript.slice) != 1 or not isinstance(subscript.slice[0].slice, cst.Index):
        return None
    key = subscript.slice[0].slice.value
    return key.evaluated_value if isinstance(key, cst.SimpleString) else None
