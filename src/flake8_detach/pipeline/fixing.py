"""Apply the rules' fixes: node swaps in the pieces that hold them, in rounds until none applies.

Each round checks the source as `check_source` does, piece by piece (only the scopes where a rule
can fire are parsed with libcst, so the cost stays that of checking). In each piece with fixes that
are allowed (safe, or unsafe too with --unsafe-fixes), not silenced by `# noqa` and not
overlapping another fix of the round, the nodes are swapped and the piece's changed lines are
written back into the file's text; every other line keeps its bytes. The next round re-checks the
result, so fixes that interfered are retried. A result that libcst or Python's own parser rejects
is never kept; code that Python's parser rejects is not fixed at all (the analysis needs its tree).

libcst gives back almost every piece byte for byte, but not all (a form feed at the start of a
line, a final lone CR): for such a piece the changed lines are patched into its original text, so
the bytes outside the fixes stay as they were.
"""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass, field, replace
from typing import Callable, Optional, Sequence

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from ..findings import SAFE
from .noqa import Noqa
from ..syntax.source_lines import physical_lines
from .planning import Piece
from ..syntax.ast_syntax import parse_python, parses_as_python
from .checking import analysed_pieces
from ..rules import RULES

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
    touched: list = field(default_factory=list)  # FixResult.touched of the rounds kept


def fix_source(
    source: str, rules: Sequence[type] = RULES, unsafe: bool = False, path: Optional[str] = None,
    fixable: Optional[Callable] = None,
) -> FixResult:
    """`source` (of the file at `path`, if on disk) with the allowed fixes applied; `fixable`,
    given each round's source, says which of its lines may be fixed (all by default). A file
    too deeply nested for libcst's tree walks keeps the rounds done so far, and says so."""
    progress = _Progress(source)
    try:
        result = _fix_rounds(progress, rules, unsafe, path, fixable)
    except (RecursionError, MemoryError) as error:
        why = f"not fixed: the file is too deeply nested to rewrite ({type(error).__name__})"
        result = FixResult(progress.accepted, why)
    return replace(result, touched=tuple(progress.touched))


def _fix_rounds(
    progress: _Progress, rules: Sequence[type], unsafe: bool, path: Optional[str], fixable: Optional[Callable]
) -> FixResult:
    """The rounds of fix_source, keeping `progress` up to date."""
    source = progress.accepted
    for _ in range(MAX_ROUNDS):
        try:
            tree = parse_python(source)
        except (SyntaxError, ValueError):  # the analysis needs Python's own parse: nothing is fixed
            return FixResult(source)
        lines = physical_lines(source)
        edits, touched, titles = [], [], set()
        noqa = Noqa(source)
        fixable_line = fixable(source) if fixable is not None else None
        for piece, module, violations in analysed_pieces(source, tree, rules, path=path):
            fixes = [
                violation.fix
                for violation in violations
                if violation.fix is not None and (unsafe or violation.fix.safety == SAFE) and noqa.keeps(violation)
                and (fixable_line is None or fixable_line(violation.line))
            ]
            swaps = non_overlapping(fixes)
            if module is None or not swaps:
                continue
            titles |= {fix.title for fix in fixes}
            fixed = module.visit(NodeSwapper(swaps)).code
            if _parse_problem(fixed) is not None:
                return FixResult(source, f"a fix ({', '.join(sorted(titles))}) produced code that libcst cannot parse; not applied")
            spans = _line_spans(module, swaps)
            piece_edits = _edits_of(piece, module.code, fixed, spans, lines)
            if piece_edits is None:
                return FixResult(source, "not fixed: libcst does not give back this file's bytes on the lines to fix")
            edits += piece_edits
            touched += [(first + piece.line_offset, last + piece.line_offset) for first, last in spans]
        if not edits:
            return FixResult(source)
        fixed_source = _applied(lines, edits)
        if not parses_as_python(fixed_source):
            return FixResult(source, f"a fix ({', '.join(sorted(titles))}) produced code that Python cannot compile; not applied")
        progress.touched.append((source, touched))
        source = progress.accepted = fixed_source
    return FixResult(source)


def fix_one(source: str, rules: tuple, path: Optional[str], chosen: Callable) -> Optional[str]:
    """`source` with the fix of the one finding `chosen` accepts (an editor's quick fix), made
    as `fix_source` makes fixes (one round, that fix only); None where it has none, or its
    result does not parse."""
    try:
        tree = parse_python(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    lines = physical_lines(source)
    try:
        for piece, module, violations in analysed_pieces(source, tree, rules, path=path):
            violation = next((v for v in violations if v.fix is not None and chosen(v)), None)
            if module is None or violation is None:
                continue
            swaps = non_overlapping([violation.fix])
            fixed_piece = module.visit(NodeSwapper(swaps)).code
            edits = _edits_of(piece, module.code, fixed_piece, _line_spans(module, swaps), lines)
            if edits is None:
                return None
            fixed = _applied(lines, edits)
            return fixed if parses_as_python(fixed) else None
    except (RecursionError, MemoryError):  # too deeply nested to rewrite, as fix_source says
        return None
    return None


def _edits_of(piece: Piece, round_trip: str, fixed: str, spans: list, file_lines: list) -> Optional[list]:
    """(first index, end index, new lines) of the file's lines that the fixed piece changes, one
    edit for each run of the piece's lines holding a swapped node (`spans`, 1-based, in the
    piece); None when the changes do not line up with the file's own lines (a line libcst did
    not give back, or one the piece holds in place of the file's: a stub, a wrapper, a table)."""
    patched = fixed if round_trip == piece.code else _patched(piece.code, round_trip, fixed)
    if patched is None:
        return None
    old, new = _lines(piece.code), _lines(patched)
    edits = []
    old_at = new_at = 0  # old[old_at:] and new[new_at:] line up, but for the runs still to come
    runs = _runs(spans)
    for number, (first, last) in enumerate(runs):
        start = first - 1
        new_at += start - old_at  # the lines before the run are the same lines
        following = old[last : runs[number + 1][0] - 1 if number + 1 < len(runs) else len(old)]
        end = _find(new, following, new_at) if following else len(new) if number + 1 == len(runs) else new_at
        if end is None or file_lines[start + piece.line_offset : last + piece.line_offset] != old[start:last]:
            return None
        edits.append((start + piece.line_offset, last + piece.line_offset, new[new_at:end]))
        old_at, new_at = last, end
    return edits if old[old_at:] == new[new_at:] else None


def _runs(spans: list) -> list:
    """(first, last) line spans, sorted, with those that overlap or touch joined."""
    runs: list = []
    for first, last in sorted(spans):
        if runs and first <= runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], max(runs[-1][1], last))
        else:
            runs.append((first, last))
    return runs


def _find(lines: list, block: list, start: int) -> Optional[int]:
    """Where `block` (not empty) first occurs in `lines` at or after `start`."""
    for at in range(start, len(lines) - len(block) + 1):
        if lines[at] == block[0] and lines[at : at + len(block)] == block:
            return at
    return None


def _applied(lines: list, edits: list) -> str:
    """The file's lines with each (first, end, new lines) edit made; edits do not overlap."""
    out, done = [], 0
    for first, end, new in sorted(edits, key=lambda edit: edit[:2]):
        out += lines[done:first] + new
        done = end
    return "".join(out + lines[done:])


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
    (kept where they were), or `line` with its indentation written in spaces (pipeline.parse_piece:
    the new line gets the line's own indentation back); None when `old` is neither."""
    old_code, line_code = old.lstrip(" \t"), line.lstrip(" \t")
    if "\t" in line[: len(line) - len(line_code)] and old_code == line_code:
        indentation = old[: len(old) - len(old_code)]
        if not new.startswith(indentation):
            return None
        return line[: len(line) - len(line_code)] + new[len(indentation) :]
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


def _parse_problem(code: str) -> Optional[str]:
    try:
        cst.parse_module(code)
    except Exception:
        return "libcst cannot parse"
    return None
