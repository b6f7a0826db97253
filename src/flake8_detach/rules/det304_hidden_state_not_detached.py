"""DET304: a recurrent state fed back without detach() chains the iterations' graphs."""

from __future__ import annotations

import libcst as cst

from ..syntax.cst_syntax import call_method, target_names
from ..engine.facts import CARRIES_GRAPH
from ..findings import UNSAFE
from ._base import BACKWARD, LOOP, Example, Raises, WalkRule
from ._prechecks import calls_backward
from ._loops import loop_body


class HiddenStateNotDetached(WalkRule):
    code = "DET304"
    name = "hidden-state-not-detached"
    message = "{hidden} carries the previous iteration's graph into backward(): detach it each iteration"
    needs = (BACKWARD, LOOP)
    possible_in = staticmethod(calls_backward)
    what = (
        "Flags, in a loop that calls `backward()`, a recurrent call such as `out, h = rnn(x, h)` "
        "(a module or a callable named like a model, returning a name it was given) when the loop "
        "never rebinds that name otherwise (`h = h.detach()`, `h = repackage_hidden(h)`, "
        "`h = init_hidden()`) and never calls `h.detach_()`."
    )
    why = (
        "The hidden state returned by the previous iteration is part of the previous iteration's "
        "graph. Feeding it back in without `.detach()` chains the graphs: the next `backward()` "
        "walks into the already-freed graph and raises \"Trying to backward through the graph a "
        "second time\", or, with `retain_graph=True`, backpropagates through the whole history "
        "and grows without bound (truncated backpropagation through time needs the cut)."
    )
    references = ("https://github.com/pytorch/examples/blob/main/word_language_model/main.py",)
    fix_safety = UNSAFE  # the state must be a tensor (or tuple of tensors) by then
    fix_title = "feed the state back detached: `rnn(x, h)` -> `rnn(x, h.detach())`"
    examples = (
        Example(
            bad="""\
import torch

rnn = torch.nn.RNN(2, 3)
h = torch.zeros(1, 1, 3)
for step in range(2):
    out, h = rnn(torch.ones(1, 1, 2), h)  # expect: DET304
    out.sum().backward()
""",
            good="""\
import torch

rnn = torch.nn.RNN(2, 3)
h = torch.zeros(1, 1, 3)
for step in range(2):
    h = h.detach()
    out, h = rnn(torch.ones(1, 1, 2), h)
    out.sum().backward()
""",
            fixed="""\
import torch

rnn = torch.nn.RNN(2, 3)
h = torch.zeros(1, 1, 3)
for step in range(2):
    out, h = rnn(torch.ones(1, 1, 2), h.detach())
    out.sum().backward()
""",
            proof=Raises("RuntimeError", "Trying to backward through the graph a second time"),
        ),
    )

    def on_assign(self, target, value, statement) -> None:
        loops = self.ctx.loops
        if not (loops and isinstance(target, (cst.Tuple, cst.List)) and isinstance(value, cst.Call)):
            return
        if self.ctx.grad_mode is not True or self.ctx.value(value).kind not in CARRIES_GRAPH:
            return
        bound = set(target_names(target))
        fed_back = [
            node
            for arg in value.args
            for node in _names_in(arg.value)
            if node.value in bound and _only_binding(loop_body(loops[-1]).bindings(node.value), statement)
        ]
        if fed_back and loop_body(loops[-1]).calls_backward:
            replacements = [(node, call_method(node, "detach")) for node in fed_back]
            hidden = ", ".join(sorted({node.value for node in fed_back}))
            self.report(statement, fix=self.fix(*replacements), hidden=hidden)


def _only_binding(found: list, statement: cst.CSTNode) -> bool:
    return len(found) == 1 and found[0] is statement


def _names_in(expr: cst.BaseExpression) -> list:
    """Names passed as they are or inside tuples/lists: `h`, `(h, c)`."""
    if isinstance(expr, cst.Name):
        return [expr]
    if isinstance(expr, (cst.Tuple, cst.List)):
        return [name for element in expr.elements for name in _names_in(element.value)]
    return []
