"""source -> findings: a text prefilter, an `ast` index, a libcst parse of the pieces that
can produce a finding (planning.py), one walk per piece shared by all rules (walker.py), and
positions, computed only for pieces with findings."""

from __future__ import annotations

import ast
import functools
import gc
import io
import sys
import tokenize
from contextlib import contextmanager
from dataclasses import replace
from typing import Optional, Sequence

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from ..syntax.ast_syntax import handled, parse_python, parses_as_python
from ..syntax.cst_syntax import keeps_comments
from ..engine.context import RuleContext
from ..findings import Violation
from ..analysis.file_index import FileIndex
from .planning import plan
from ..rules import EVENTS, RULES
from ..syntax.python2 import as_python3_script
from ..syntax.source_lines import physical_lines
from ..rules._base import exception_names
from ..engine.walker import Walker

MAX_PIECE_LINES = 50_000
DEEP_RECURSION = 30_000
# Python 3.11 and 3.12 refuse expressions nested about 3,000 deep; 3.9, 3.10 and 3.13 accept more,
# and on such code libcst's parser takes minutes, then may overflow the C stack.
MAX_NESTING = 3_000


def check_source(
    source: str,
    rules: Sequence[type] = RULES,
    tree: Optional[ast.Module] = None,
    whole_file: bool = False,
    path: Optional[str] = None,
) -> list:
    """All violations in `source`, sorted by position.

    `tree` is the file's `ast` tree, where the caller has it (flake8 does). libcst parses only
    the pieces of the file that can produce a finding; `whole_file=True` analyses the whole file
    in one piece and with no text gate instead: the reference that the shortcut and the gates
    are tested against (they may skip code only where no rule can fire). `path`, where the
    file is on disk, lets the modules of the project it imports from be read (project.py).
    """
    if tree is None:  # not from flake8: parse first, so any file Python rejects is reported
        try:
            tree = parse_python(source)
        except SyntaxError as error:
            ported = as_python3_script(source)
            if ported is not None and parses_as_python(ported[0]):  # Python 2 or IPython: checked, not fixed
                code, shifts = ported
                return [
                    _unshifted(replace(v, fix=None), shifts.get(v.line))
                    for v in check_source(code, rules, None, whole_file, path)
                ]
            return [parse_failure(f"cannot parse this file: {error.msg}", error.lineno or 1, (error.offset or 1) - 1)]
        except ValueError as error:  # source code with NUL bytes, on older Pythons
            return [parse_failure(f"cannot parse this file: {error}", 1, 0)]
        except (RecursionError, MemoryError):
            return [parse_failure("cannot parse this file: too deeply nested for Python's own parser", 1, 0)]
    violations = [v for _, _, found in analysed_pieces(source, tree, rules, whole_file, path) for v in found]
    return sorted(violations, key=lambda v: (v.line, v.col, v.code))


def analysed_pieces(
    source: str, tree: ast.Module, rules: Sequence[type], whole_file: bool = False, path: Optional[str] = None
):
    """(piece, its libcst module, its violations placed in the file) for each piece analysed,
    then (None, None, the whole-file rules' findings); a piece libcst cannot take gives
    (piece, None, [its DET000])."""
    if nested_too_deep(tree):
        message = f"not analysed: nested over {MAX_NESTING:,} levels deep, which Python 3.11 refuses to parse"
        yield None, None, [parse_failure(message, 1, 0)]
        return
    planned = plan(source, tree, rules, whole_file, path)
    if planned is None:
        return
    for piece in planned.pieces:
        size = sum(1 for line in physical_lines(piece.code) if line.strip())
        if size > MAX_PIECE_LINES:  # libcst needs about 25 kB a line: over a gigabyte here
            message = (
                f"not analysed: this scope has {size:,} lines of code, over the limit of {MAX_PIECE_LINES:,} "
                "(the file's other scopes were checked)"
            )
            yield piece, None, [parse_failure(message, piece.line_offset + 1, 0)]
            continue
        try:
            module, shifts = parse_piece(piece.code)
        except cst.ParserSyntaxError as error:  # the other pieces are still analysed
            line = error.raw_line + piece.line_offset
            yield piece, None, [parse_failure(f"libcst cannot parse this code: {error.message}", line, error.raw_column)]
            continue
        except (RecursionError, MemoryError):
            yield piece, None, [parse_failure("libcst cannot parse this code: too deeply nested", piece.line_offset + 1, 0)]
            continue
        violations = analyse(module, planned.walk_rules, planned.index, piece.line_offset, piece.owner,
                             "backward" in piece.code)
        if shifts:  # columns on lines whose indentation was rewritten, back in the file's own
            violations = [_unshifted(v, shifts.get(v.line - piece.line_offset)) for v in violations]
        yield piece, module, unhandled(violations, planned.index)
    yield None, None, unhandled(file_findings(planned.file_rules, planned.index), planned.index)


def parse_piece(code: str) -> tuple:
    """(libcst's module of `code`, {line: (indentation's length as written, as parsed)}).
    CPython reads a tab in indentation as reaching the next multiple of 8 columns and accepts
    files that mix tabs and spaces consistently; libcst rejects some of them. Such code is
    parsed with its indentation written in spaces (the shifts say where), so that what Python
    runs is analysed."""
    try:
        return cst.parse_module(code), {}
    except cst.ParserSyntaxError:
        if "\t" not in code:
            raise
        normalized, shifts = _indentation_in_spaces(code)
        if not shifts:
            raise
        return cst.parse_module(normalized), shifts


def _indentation_in_spaces(code: str) -> tuple:
    """`code` with the indentation of each logical line written in spaces, and the shifts."""
    lines = physical_lines(code)
    shifts = {}
    starting = True  # the next token starts a logical line
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            if token.type in (tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.COMMENT):
                starting = starting or token.type == tokenize.NEWLINE
                continue
            if starting and token.start[1]:
                row, col = token.start
                indentation = lines[row - 1][:col]
                if "\t" in indentation:
                    spaces = indentation.expandtabs(8)
                    lines[row - 1] = spaces + lines[row - 1][col:]
                    shifts[row] = (col, len(spaces))
            starting = False
    except (tokenize.TokenError, SyntaxError):
        return code, {}
    return "".join(lines), shifts


def _unshifted(violation: Violation, shift: Optional[tuple]) -> Violation:
    if shift is None:
        return violation
    written, parsed = shift
    return replace(violation, col=violation.col - parsed + written if violation.col >= parsed else min(violation.col, written))


def file_findings(rules: Sequence[type], index: FileIndex) -> list:
    """The findings of the whole-file rules (FileRule.check_file)."""
    found = []
    for rule in rules:
        try:
            with recursion_limit(DEEP_RECURSION):  # their expressions are read recursively too
                results = rule.check_file(index)
        except RecursionError:
            found.append(parse_failure(f"too deeply nested for {rule.code} to analyse", 1, 0))
            continue
        raises = exception_names(rule.raises)
        found += [
            Violation(rule.code, rule.message.format(**fields), None, node.lineno, node.col_offset, raises=raises)
            for node, fields in results
        ]
    return found


def unhandled(violations: list, index: FileIndex) -> list:
    """The violations, less those whose code raises an exception that a `try` around it (in
    its own scope) handles: code that raises it on purpose, to show it. One policy for the
    findings of every rule."""
    errors = tuple(sorted({error for violation in violations for error in violation.raises}))
    if not errors:
        return violations
    spans = {error: index.handling_spans(error) for error in errors}
    return [v for v in violations if not any(handled(v.line, spans[error]) for error in v.raises)]


def nested_too_deep(tree: ast.Module) -> bool:
    """Whether `tree` nests deeper than MAX_NESTING, where this Python's parser let it through."""
    if not _parser_accepts_deep_nesting():
        return False
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_NESTING:
            return True
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return False


@functools.lru_cache(maxsize=None)
def _parser_accepts_deep_nesting() -> bool:
    return parses_as_python("y = " + "+".join(["d"] * MAX_NESTING))




def analyse(
    module: cst.Module, rules: Sequence[type], index: FileIndex, line_offset: int, owner: Optional[str] = None,
    backward_written: bool = True,
) -> list:
    """Walk one parsed piece (a method of the class `owner`; `backward_written`: whether its
    code holds the word `backward`) with `rules`; its violations, placed in the file."""
    walker = Walker(module, index, owner, backward_written)
    context = RuleContext(walker)
    walker.hooks = hooks_of([rule(context) for rule in rules])
    try:
        with recursion_limit(DEEP_RECURSION):
            walker.run_module()
            violations = placed(module, walker.found.values())
    except RecursionError:
        return [parse_failure("too deeply nested to analyse", 1 + line_offset, 0)]
    finally:
        # The rules hold the walker through their context: without this cycle the piece's
        # trees and the file's index are freed now, not by a full garbage collection later.
        walker.hooks = {}
    return [replace(v, line=v.line + line_offset) for v in violations]


def hooks_of(rules: list) -> dict:
    """Event name -> the handlers of the rules that override it, in registry order."""
    hooks: dict = {event: [] for event in EVENTS}
    for rule in rules:
        for event in rule.events():
            hooks[event].append(getattr(rule, event))
    return hooks


def placed(module: cst.Module, found) -> list:
    """The violations with their positions, sorted; a fix that would delete a comment is
    dropped (the finding stays)."""
    found = list(found)
    if not found:
        return []
    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    result = []
    for violation in found:
        start = positions[violation.node].start
        fix = violation.fix if violation.fix is None or keeps_comments(violation.fix.replacements) else None
        result.append(replace(violation, line=start.line, col=start.column, fix=fix))
    result.sort(key=lambda v: (v.line, v.col, v.code))
    return result


GC_YOUNG_THRESHOLD = 100_000  # allocations between collections of the youngest generation (default 700)


def collect_rarely() -> tuple:
    """Collect garbage cycles a hundred times less often; returns the thresholds before.
    Checking a file allocates millions of short-lived objects (syntax trees) that reference
    counting frees: collecting the young generation every 700 allocations cost 15% of a run
    and found nothing."""
    before = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, 50, 100)
    return before


@contextmanager
def recursion_limit(limit: int):
    """Expressions are evaluated, and positions found, recursively: nesting that Python's own
    parser accepts (up to about 3,000 levels) needs several frames a level."""
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(max(before, limit))
    try:
        yield
    finally:
        sys.setrecursionlimit(before)


def parse_failure(message: str, line: int, col: int) -> Violation:
    return Violation("DET000", message, None, max(line, 1), max(col, 0))
