"""DET307: a policy-gradient loss whose advantage still carries the critic's graph."""

from __future__ import annotations

import ast
import re

import libcst as cst

from ..syntax.ast_syntax import last_word
from ..syntax.cst_syntax import call_method, last_name, method_name, walk
from ..findings import UNSAFE
from ._base import Breaks, Example, WalkRule

# A log-probability of the actions taken: `dist.log_prob(a)`, or a name that says it is one.
LOG_PROB_NAME = re.compile(r"^(old_)?log_?probs?$|^log_?pi$|^logp$", re.I)


class AdvantageKeepsGraph(WalkRule):
    code = "DET307"
    name = "advantage-keeps-graph"
    message = "{advantage} carries the graph of {module}: the policy loss trains it too (detach it)"
    needs = (r"log_?pro?b|log_?pi|logp", r"backward\s*\(")
    what = (
        "Flags a policy-gradient term, a log-probability (`dist.log_prob(a)`, `log_probs`, "
        "`self.log_probs`) times an advantage, when the advantage is a sum or difference "
        "(`returns - values`, `r + gamma * V(s2) - V(s)`, inline or bound to a name) that carries "
        "the graph of a module (the critic), and the product reaches `backward()`."
    )
    why = (
        "The policy gradient is `grad log pi(a|s) * A` with the advantage `A` held constant. Left "
        "in the graph, the advantage is differentiated too: the actor's loss sends `-log_prob` "
        "times its gradient into the critic, whose values drift, while the critic's own loss "
        "should be the only one training it. Detach it: `log_probs * advantage.detach()`."
    )
    references = ("https://pytorch.org/docs/stable/distributions.html#score-function",)
    fix_safety = UNSAFE  # the critic no longer learns from the policy term
    fix_title = "hold the advantage constant: `advantage` -> `advantage.detach()` in the product"
    examples = (
        Example(
            bad="""\
import torch

torch.manual_seed(0)
actor, critic = torch.nn.Linear(2, 3), torch.nn.Linear(2, 1)
state, returns = torch.randn(5, 2), torch.randn(5)
dist = torch.distributions.Categorical(logits=actor(state))
log_probs = dist.log_prob(dist.sample())
values = critic(state).squeeze(1)
actor_loss = -(log_probs * (returns - values)).mean()  # expect: DET307
critic_loss = (returns - values).pow(2).mean()
(actor_loss + critic_loss).backward()
""",
            good="""\
import torch

torch.manual_seed(0)
actor, critic = torch.nn.Linear(2, 3), torch.nn.Linear(2, 1)
state, returns = torch.randn(5, 2), torch.randn(5)
dist = torch.distributions.Categorical(logits=actor(state))
log_probs = dist.log_prob(dist.sample())
values = critic(state).squeeze(1)
actor_loss = -(log_probs * (returns - values).detach()).mean()
critic_loss = (returns - values).pow(2).mean()
(actor_loss + critic_loss).backward()
""",
            proof=Breaks(
                "torch.allclose(critic.weight.grad, "
                "torch.autograd.grad((returns - critic(state).squeeze(1)).pow(2).mean(), critic.weight)[0])"
            ),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """A product with a log-probability."""
        def log_prob(expr: ast.AST) -> bool:
            while isinstance(expr, ast.UnaryOp):
                expr = expr.operand
            if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute):
                return expr.func.attr == "log_prob"
            return LOG_PROB_NAME.match(last_word(expr)) is not None

        return any(
            isinstance(node.op, ast.Mult) and (log_prob(node.left) or log_prob(node.right))
            for node in scope.of(ast.BinOp)
        )

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.scopes: list = []  # per open scope: the names bound to a sum or difference

    def on_scope_start(self, scope) -> None:
        self.scopes.append(set())

    def on_scope_end(self, scope) -> None:
        self.scopes.pop()

    def on_assign(self, target, value, statement) -> None:
        if isinstance(target, cst.Name):
            if _is_sum(value):
                self.scopes[-1].add(target.value)
            else:
                self.scopes[-1].discard(target.value)
        self._check(value)

    def on_backward(self, call, tensor) -> None:
        self._check(tensor)

    def _check(self, expr: cst.BaseExpression) -> None:
        for node in walk(expr):
            if not (isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Multiply)):
                continue
            for log_prob, advantage in ((node.left, node.right), (node.right, node.left)):
                if not _is_log_prob(log_prob) or not self._is_advantage(advantage):
                    continue
                value = self.ctx.value(advantage)
                if value.modules and value.grad is not False:
                    fix = self.fix((advantage, call_method(advantage, "detach")))
                    self.report_at_backward(
                        node, node, fix=fix, advantage=self.ctx.text(advantage, 30), module=sorted(value.modules)[0]
                    )

    def _is_advantage(self, expr: cst.BaseExpression) -> bool:
        return _is_sum(expr) or isinstance(expr, cst.Name) and expr.value in self.scopes[-1]


def _is_sum(expr: cst.BaseExpression) -> bool:
    return isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, (cst.Add, cst.Subtract))


def _is_log_prob(expr: cst.BaseExpression) -> bool:
    while isinstance(expr, cst.UnaryOperation):
        expr = expr.expression
    if isinstance(expr, cst.Call) and method_name(expr) == "log_prob":
        return True
    return isinstance(expr, (cst.Name, cst.Attribute)) and LOG_PROB_NAME.match(last_name(expr)) is not None
