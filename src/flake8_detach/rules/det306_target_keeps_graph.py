"""DET306: a loss target computed by the very network the loss trains, not detached."""

from __future__ import annotations

import ast
import re

import libcst as cst

from .. import torchapi
from ..syntax.ast_syntax import callee_name, last_word
from ..syntax.cst_syntax import call_method, last_name, viewed_name
from ..engine.facts import CARRIES_GRAPH, LOSS_FUNCTION
from ..findings import UNSAFE
from ._base import LOSS_WORDS, Breaks, Example, WalkRule

# Names that say the value is what the prediction is pulled towards.
TARGET_NAME = re.compile(r"^(\w+_)?targets?(_\w+)?$", re.I)


class TargetKeepsGraph(WalkRule):
    code = "DET306"
    name = "target-keeps-graph"
    message = "{target} carries the graph of {module}: the loss trains it through its target too"
    needs = (LOSS_WORDS,)
    what = (
        "Flags a loss (a torch loss function, an `nn.*Loss` instance, or a callable named like a "
        "loss: `loss`, `criterion`, `*_loss`) called with a target (for a torch loss, its second "
        "argument, or its first where the second is known to carry a graph), an argument named like one "
        "(`q_target`, `target`, `targets_next`) or bound to a bootstrap formula (a tensor "
        "without a graph, such as the rewards, plus or minus a value that ran through a module: "
        "`rewards + gamma * max_next_q`), whose value carries the graph of a module that the "
        "other argument, the prediction, also ran through, when the loss reaches `backward()`: "
        "the bootstrap target of a DQN computed with the online network, without `.detach()` or "
        "`torch.no_grad()`. The finding is where the target is computed."
    )
    why = (
        "A target is meant to be a constant the prediction moves towards. Computed by the same "
        "network and not detached, it is differentiated too: the gradient also pushes the "
        "target towards the prediction (a residual gradient instead of the semi-gradient that "
        "DQN and TD learning use), and training goes wrong silently. Compute it under "
        "`torch.no_grad()` or detach it."
    )
    references = ("https://pytorch.org/tutorials/intermediate/reinforcement_q_learning.html",)
    fix_safety = UNSAFE  # gradients that flowed through the target stop flowing
    fix_title = "cut the target: `q_target` -> `q_target.detach()` in the loss call"
    examples = (
        Example(
            bad="""\
import torch
import torch.nn.functional as F

torch.manual_seed(0)
q_net = torch.nn.Linear(2, 2)
state, next_state, reward = torch.randn(4, 2), torch.randn(4, 2), torch.randn(4)
q_eval = q_net(state).max(dim=1).values
q_target = reward + 0.9 * q_net(next_state).max(dim=1).values  # expect: DET306
loss = F.mse_loss(q_eval, q_target)
loss.backward()
""",
            good="""\
import torch
import torch.nn.functional as F

torch.manual_seed(0)
q_net = torch.nn.Linear(2, 2)
state, next_state, reward = torch.randn(4, 2), torch.randn(4, 2), torch.randn(4)
q_eval = q_net(state).max(dim=1).values
with torch.no_grad():
    q_target = reward + 0.9 * q_net(next_state).max(dim=1).values
loss = F.mse_loss(q_eval, q_target)
loss.backward()
""",
            fixed="""\
import torch
import torch.nn.functional as F

torch.manual_seed(0)
q_net = torch.nn.Linear(2, 2)
state, next_state, reward = torch.randn(4, 2), torch.randn(4, 2), torch.randn(4)
q_eval = q_net(state).max(dim=1).values
q_target = reward + 0.9 * q_net(next_state).max(dim=1).values
loss = F.mse_loss(q_eval, q_target.detach())
loss.backward()
""",
            proof=Breaks(
                "torch.allclose(q_net.weight.grad, torch.autograd.grad("
                "F.mse_loss(q_net(state).max(dim=1).values, "
                "(reward + 0.9 * q_net(next_state).max(dim=1).values).detach()), q_net.weight)[0])"
            ),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """A call of something named like a loss (or bound to a loss class) with an argument
        named like a target, or a name the scope binds to a sum or difference (a bootstrap
        formula, whatever its name)."""
        imports = index.imports
        sums = {
            target.id for node in scope.of(ast.Assign) if isinstance(node.value, ast.BinOp)
            and isinstance(node.value.op, (ast.Add, ast.Sub)) for target in node.targets if isinstance(target, ast.Name)
        }
        for node in scope.of(ast.Call):
            if len(node.args) >= 2:
                name = callee_name(node, imports).lower()
                if ("loss" in name or "criterion" in name or last_word(node.func) in index.loss_function_names) and any(
                    TARGET_NAME.match(last_word(arg)) or isinstance(arg, ast.Name) and arg.id in sums
                    for arg in node.args
                ):
                    return True
        return False

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.scopes: list = []  # per open scope: target name -> the statement that last wrote it

    def on_scope_start(self, scope) -> None:
        self.scopes.append({})

    def on_scope_end(self, scope) -> None:
        self.scopes.pop()

    def on_assign(self, target, value, statement) -> None:
        if isinstance(target, cst.Name) and (TARGET_NAME.match(target.value) or self._bootstraps(value)):
            self.scopes[-1][target.value] = statement

    def _bootstraps(self, value) -> bool:
        """A bootstrap formula: a value without a graph (a reward) plus or minus one that runs
        through a module (`rewards + gamma * max_next_q`): what a target is built as, whatever
        its name."""
        if not (isinstance(value, cst.BinaryOperation) and isinstance(value.operator, (cst.Add, cst.Subtract))):
            return False
        left, right = self.ctx.value(value.left), self.ctx.value(value.right)
        return any(
            bool(through.modules) and through.grad is not False and not plain.modules
            and (plain.tensor or plain.kind is not None or plain.grad is False)
            for through, plain in ((left, right), (right, left))
        )

    def on_inplace(self, target, site, op, source) -> None:
        name = viewed_name(target)
        if name is not None and TARGET_NAME.match(name) and op == "item assignment":
            self.scopes[-1][name] = self.ctx.statement  # `q_target[i, a] = r + gamma * q_next.max(1)[0]`

    def on_call(self, call) -> None:
        arguments = [a.value for a in call.args if a.keyword is None and not a.star]
        if len(arguments) != 2 or not self._is_loss(call):
            return
        # A torch loss takes (input, target); a loss of the user's own may take them either way.
        # A torch loss's input is read as its target (`mse_loss(q_target, q)`, symmetric) only
        # where its other argument is known to carry a graph (a module's output): the prediction.
        torch_loss = self._is_torch_loss(call)
        for target, prediction in (arguments, arguments[::-1]):
            if not (isinstance(target, (cst.Name, cst.Attribute)) and (
                TARGET_NAME.match(last_name(target)) or isinstance(target, cst.Name) and target.value in self.scopes[-1]
            )):
                continue
            value, predicted = self.ctx.value(target), self.ctx.value(prediction)
            if torch_loss and target is arguments[0] and not (predicted.grad or predicted.kind in CARRIES_GRAPH):
                continue
            shared = value.modules & predicted.modules
            if shared and value.grad is not False and predicted.grad is not False:
                site = self.scopes[-1].get(target.value) if isinstance(target, cst.Name) else None
                fix = self.fix((target, call_method(target, "detach")))
                self.report_at_backward(
                    call, site or target, fix=fix, target=self.ctx.text(target), module=sorted(shared)[0]
                )

    def _is_torch_loss(self, call: cst.Call) -> bool:
        """A torch loss function, or an instance of a torch loss class."""
        name = self.ctx.qualname(call.func)
        return torchapi.is_loss_function(name) if name is not None else self.ctx.value(call.func).kind == LOSS_FUNCTION

    def _is_loss(self, call: cst.Call) -> bool:
        """A torch loss, or a callable of the user's named like one (not another torch function)."""
        if self._is_torch_loss(call):
            return True
        if self.ctx.qualname(call.func) is not None:
            return False
        spelling = last_name(call.func)
        return spelling == "loss" or torchapi.LOSS_NAME.search(spelling) is not None
