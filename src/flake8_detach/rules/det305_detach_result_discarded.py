"""DET305: `x.detach()` as a statement of its own, which changes nothing."""

from __future__ import annotations

import ast

import libcst as cst

from ..syntax.cst_syntax import last_name, method_name, target_names
from ..findings import UNSAFE
from ._base import Breaks, Example, WalkRule

# `detach()` of these is io's (sys.stdout.detach()): it does something.
STREAM_NAMES = frozenset("stdout stderr stdin stream buffer raw file f fp fh sock".split())


class DetachResultDiscarded(WalkRule):
    code = "DET305"
    name = "detach-result-discarded"
    message = "{call} returns a detached copy and changes nothing: bind it ({target} = {call})"
    needs = (r"detach\s*\(\s*\)",)
    what = (
        "Flags `x.detach()` as a statement of its own, its result dropped, in a file that "
        "imports torch (`h.detach()` in a truncated-backpropagation loop, "
        "`for s in state: s.detach()`)."
    )
    why = (
        "`detach()` returns a new tensor cut from the graph and leaves `x` as it was: the "
        "statement does nothing, and the graph it was meant to cut stays, so gradients flow "
        "where they should not or a later `backward()` runs into a freed graph. Bind the result "
        "(`h = h.detach()`), or detach in place with `h.detach_()`."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.Tensor.detach.html",)
    fix_safety = UNSAFE  # later code that relied on the graph through x loses it
    fix_title = "bind the result: `x.detach()` -> `x = x.detach()` (not for a loop's own variable)"
    examples = (
        Example(
            bad="""\
import torch

w = torch.ones(3, requires_grad=True)
target = w * 2
target.detach()  # expect: DET305
loss = ((w - target) ** 2).sum()
loss.backward()
""",
            good="""\
import torch

w = torch.ones(3, requires_grad=True)
target = w * 2
target = target.detach()
loss = ((w - target) ** 2).sum()
loss.backward()
""",
            proof=Breaks("w.grad.tolist() == [-2.0, -2.0, -2.0]"),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """Some statement is a bare `x.detach()`."""
        return any(
            isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Attribute)
            and node.value.func.attr == "detach"
            for node in scope.of(ast.Expr)
        )

    def on_call(self, call) -> None:
        statement = self.ctx.statement
        if not (isinstance(statement, cst.Expr) and statement.value is call and method_name(call) == "detach"):
            return
        receiver = call.func.value
        if call.args or not self.ctx.imports_torch or last_name(receiver) in STREAM_NAMES or self.ctx.result_is_displayed:
            return  # (a notebook cell's last expression is displayed: its value is used)
        if self.ctx.calls_own_method(call):
            return  # a class of the file that detaches what it holds, in place
        fix = None
        # Rebinding a loop's own variable (`for s in state: s = s.detach()`) changes nothing either.
        loop_variables = {name for loop in self.ctx.loops if isinstance(loop, cst.For) for name in target_names(loop.target)}
        if isinstance(receiver, cst.Attribute) or isinstance(receiver, cst.Name) and receiver.value not in loop_variables:
            assignment = cst.Assign(targets=[cst.AssignTarget(receiver)], value=call, semicolon=statement.semicolon)
            fix = self.fix((statement, assignment))
        text = self.ctx.text(call)
        self.report(call, fix=fix, call=text, target=self.ctx.text(receiver))
