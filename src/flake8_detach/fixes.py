"""Apply the rules' fixes: node swaps on the parsed module, in rounds until none applies.

Each round parses the source, checks it, swaps the nodes of every fix that is allowed (safe,
or unsafe too with --unsafe-fixes), not silenced by `# noqa`, and not overlapping another fix
of the round; the next round re-checks the result, so fixes that interfered are retried.
A result that libcst or Python's own parser rejects is never kept; code that Python's parser
rejects is not fixed at all (the analysis needs its tree).

libcst gives back almost every file byte for byte, but not all (a form feed at the start of a
line, a final lone CR): for such a file the changed lines are patched into the original text,
so the bytes outside the fixes stay as they were.
"""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass, field, replace
from typing import Optional, Sequence

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from .pipeline import check_module, parses_as_python
from .noqa import unsilenced
from .rules import RULES
from .findings import SAFE

MAX_ROUNDS = 10


@dataclass(frozen=True)
class FixResult:
    source: str
    rejected: Optional[str] = None  # why the last round was thrown away: a bug in a fix
    # What each kept round replaced: (the round's source, [(first line, last line) of each
    # node it swapped]), so that a caller can check that nothing else changed.
    touched: tuple = ()


@dataclass
class _Progress:
    accepted: str  # the last source that was accepted
    round_trip: Optional[str] = None  # libcst's code for the original source, unchanged
    touched: list = field(default_factory=list)  # FixResult.touched of the rounds kept


def fix_source(source: str, rules: Sequence[type] = RULES, unsafe: bool = False) -> FixResult:
    """`source` with the allowed fixes applied. A file too deeply nested for libcst's tree
    walks keeps the rounds done so far, and says so."""
    progress = _Progress(source)
    try:
        result = _fix_rounds(progress, rules, unsafe)
    except (RecursionError, MemoryError) as error:
        why = f"not fixed: the file is too deeply nested to rewrite ({type(error).__name__})"
        result = FixResult(progress.accepted, why)
    result = replace(result, touched=tuple(progress.touched))
    if result.source == source or progress.round_trip == source:
        return result
    return _onto_original(source, progress.round_trip, result)


def _fix_rounds(progress: _Progress, rules: Sequence[type], unsafe: bool) -> FixResult:
    """The rounds of fix_source, keeping `progress` up to date."""
    source = progress.accepted
    if not parses_as_python(source):  # the analysis needs Python's own parse: nothing is fixed
        return FixResult(source)
    for _ in range(MAX_ROUNDS):
        try:
            module = cst.parse_module(source)
        except Exception:  # the input itself does not parse: nothing to fix
            return FixResult(source)
        if progress.round_trip is None:
            progress.round_trip = module.code
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
        progress.touched.append((source, _line_spans(module, swaps)))
        source = progress.accepted = fixed
    return FixResult(source)


def _onto_original(original: str, round_trip: str, result: FixResult) -> FixResult:
    """`result`, whose source libcst wrote from a parse of `original` that did not give back
    all of its bytes, as the original text with the changed lines patched in; the original,
    and why, when that cannot be done exactly."""
    patched = _patched(original, round_trip, result.source)
    if patched is None or cst.parse_module(patched).code != result.source:
        return FixResult(original, "not fixed: libcst does not give back this file's bytes on the lines to fix")
    return replace(result, source=patched)


def _patched(original: str, round_trip: str, fixed: str) -> Optional[str]:
    """The changes from `round_trip` to `fixed`, made to `original`, which holds the same lines
    as `round_trip` plus characters libcst dropped; None when they do not line up."""
    original_lines, round_trip_lines, fixed_lines = _lines(original), _lines(round_trip), _lines(fixed)
    if len(original_lines) != len(round_trip_lines):
        return None
    out = []
    matcher = difflib.SequenceMatcher(None, round_trip_lines, fixed_lines)
    for tag, start, end, fixed_start, fixed_end in matcher.get_opcodes():
        if tag == "equal":
            out.extend(original_lines[start:end])
        elif original_lines[start:end] == round_trip_lines[start:end]:  # libcst gave these lines back
            out.extend(fixed_lines[fixed_start:fixed_end])
        elif end - start == fixed_end - fixed_start:  # changed one for one: patch each line
            olds, news = round_trip_lines[start:end], fixed_lines[fixed_start:fixed_end]
            for line, old, new in zip(original_lines[start:end], olds, news):
                patched = _patched_line(line, old, new)
                if patched is None:
                    return None
                out.append(patched)
        else:
            return None
    return "".join(out)


def _patched_line(line: str, old: str, new: str) -> Optional[str]:
    """`line` changed as `old` changes into `new`, where `old` is `line` without some characters
    (kept where they were); None when `old` is not that."""
    where = []  # the index in `line` of each character of `old`
    for char in old:
        found = line.find(char, where[-1] + 1 if where else 0)
        if found < 0:
            return None
        where.append(found)
    out, done = [], 0  # `line` is copied up to `done`
    for tag, start, end, new_start, new_end in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag == "equal":
            out.append(line[done : where[end - 1] + 1])
            done = where[end - 1] + 1
            continue
        if start < len(old):
            out.append(line[done : where[start]])  # dropped characters before the change stay before it
            done = where[start]
        out.append(new[new_start:new_end])
        if end > start:
            done = where[end - 1] + 1
    out.append(line[done:])
    return "".join(out)


def _lines(text: str) -> list:
    return io.StringIO(text, newline="").readlines()


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


def _line_spans(module: cst.Module, swaps: dict) -> list:
    """(first line, last line) of each node of `module` that `swaps` replaces."""
    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    return [(span.start.line, span.end.line) for node, span in positions.items() if id(node) in swaps]


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
