"""Apply the rules' fixes: node swaps on the parsed module, in rounds until none applies.

Each round parses the source, checks it, swaps the nodes of every fix that is allowed (safe,
or unsafe too with --unsafe-fixes), not silenced by `# noqa`, and not overlapping another fix
of the round; the next round re-checks the result, so fixes that interfered are retried.
A result that libcst or Python's own parser rejects is never kept; code that Python's parser
rejects is not fixed at all (the analysis needs its tree).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

import libcst as cst

from .pipeline import check_module, parses_as_python
from .noqa import unsilenced
from .rules import RULES
from .findings import SAFE

MAX_ROUNDS = 10


@dataclass(frozen=True)
class FixResult:
    source: str
    rejected: Optional[str] = None  # why the last round was thrown away: a bug in a fix


def fix_source(source: str, rules: Sequence[type] = RULES, unsafe: bool = False) -> FixResult:
    """`source` with the allowed fixes applied. A file too deeply nested for libcst's tree
    walks keeps the rounds done so far, and says so."""
    done = [source]
    try:
        return _fix_rounds(done, rules, unsafe)
    except (RecursionError, MemoryError) as error:
        return FixResult(done[-1], f"not fixed: the file is too deeply nested to rewrite ({type(error).__name__})")


def _fix_rounds(done: list, rules: Sequence[type], unsafe: bool) -> FixResult:
    """The rounds of fix_source; `done` ends with the last source that was accepted."""
    source = done[-1]
    if not parses_as_python(source):  # the analysis needs Python's own parse: nothing is fixed
        return FixResult(source)
    for _ in range(MAX_ROUNDS):
        try:
            module = cst.parse_module(source)
        except Exception:  # the input itself does not parse: nothing to fix
            return FixResult(source)
        fixes = [
            violation.fix
            for violation in unsilenced(check_module(module, rules), source)
            if violation.fix is not None and (unsafe or violation.fix.safety == SAFE)
        ]
        swaps = non_overlapping(fixes)
        if not swaps:
            return FixResult(source)
        fixed = module.visit(NodeSwapper(swaps)).code
        if fixed == source:
            return FixResult(source)
        problem = _parse_problem(fixed)
        if problem is not None:
            titles = ", ".join(sorted({fix.title for fix in fixes}))
            return FixResult(source, f"a fix ({titles}) produced code that {problem}; not applied")
        source = fixed
        done.append(source)
    return FixResult(source)


def non_overlapping(fixes: list) -> dict:
    """id(old node) -> new node for the fixes, in order, that touch no node an earlier one touches."""
    swaps: dict = {}
    taken: set = set()
    for fix in fixes:
        touched = set().union(*(_subtree_ids(old) for old, _ in fix.replacements))
        if touched & taken:
            continue
        taken |= touched
        swaps.update((id(old), new) for old, new in fix.replacements)
    return swaps


class NodeSwapper(cst.CSTTransformer):
    """Replaces nodes of the module it visits, found by identity."""

    def __init__(self, swaps: dict) -> None:
        super().__init__()
        self.swaps = swaps

    def on_leave(self, original_node, updated_node):
        return self.swaps.get(id(original_node), updated_node)


def _subtree_ids(node: cst.CSTNode) -> set:
    ids = set()
    stack = [node]
    while stack:
        current = stack.pop()
        ids.add(id(current))
        stack.extend(current.children)
    return ids


def _parse_problem(source: str) -> Optional[str]:
    try:
        cst.parse_module(source)
    except Exception:
        return "libcst cannot parse"
    if not parses_as_python(source):
        return "Python cannot compile"
    return None
