"""Properties on generated programs: the engine never raises and its piece shortcut finds what
the whole-file analysis finds; `--fix --unsafe-fixes` (fixes.fix_source) always gives code that
parses, is idempotent, and leaves every line that no fix edited byte for byte.

Programs come from hypothesmith (arbitrary valid Python, with a few torch lines appended so the
analysis and a fix run over it) and from tests/strategies.py (programs built from the autograd
patterns the rules are about). Example counts are bounded so CI stays fast; for a longer run:

    HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py
"""

import ast
import io
import os

import hypothesmith
import pytest
from hypothesis import HealthCheck, given, settings
from libcst.metadata import MetadataWrapper, PositionProvider
from strategies import torch_programs

from flake8_detach import RULES, check_source
from flake8_detach.pipeline.checking import analysed_pieces
from flake8_detach.syntax.ast_syntax import parse_python
from flake8_detach.pipeline.fixing import MAX_ROUNDS, NodeSwapper, fix_source, non_overlapping
from flake8_detach.pipeline.noqa import unsilenced
from flake8_detach.findings import SAFE

pytestmark = pytest.mark.slow  # the fast loop (`pytest -m 'not slow'`) leaves this module out

_COMMON = dict(deadline=None, suppress_health_check=list(HealthCheck), database=None)
settings.register_profile("ci", max_examples=60, derandomize=True, **_COMMON)  # the same examples every run
settings.register_profile("long", max_examples=3000, **_COMMON)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
# hypothesmith's programs are slow to generate: fewer of them.
SLOW = settings(PROFILE, max_examples=max(10, PROFILE.max_examples // 3))

# Appended to hypothesmith's programs: a DET101 with an unsafe fix and a DET202 with a safe one,
# at module level (analysed together with the arbitrary module-level code, unless that code
# makes them unreachable) and in a function of their own (always analysed).
TORCH_LINES = "import torch\nw = torch.ones(3, requires_grad=True)\nd = w.detach()\nd.add_(1)\nr = w.data.cpu()\n"
TORCH_TAIL = TORCH_LINES + "def _torch_tail():\n" + "".join(f"    {line}\n" for line in TORCH_LINES.splitlines())


def with_torch_tail(program: str) -> str:
    if program and not program.endswith(("\n", "\r")):
        program += "\n"
    return program + TORCH_TAIL


def keys(violations) -> list:
    return [(v.line, v.col, v.code, v.message) for v in violations]


def parses(source: str) -> bool:
    try:
        ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def python_lines(source: str) -> list:
    """Lines as Python counts them: ended by LF, CRLF or CR only (str.splitlines() also splits
    at form feeds and other characters that are legal inside a line)."""
    return io.StringIO(source, newline="").readlines()


def check_engine(source: str) -> list:
    by_pieces = check_source(source)
    whole = check_source(source, whole_file=True)
    assert keys(by_pieces) == keys(whole), "the piece shortcut changed the findings"
    if parses(source):
        assert [v for v in by_pieces if v.code == "DET000"] == [], "DET000 on a file Python parses"
    return by_pieces


def edited_lines(source: str, unsafe: bool) -> tuple:
    """fix_source's rounds replayed on the whole file as one piece, as the fixer did before it
    worked on pieces: (the result, the lines of every node a fix replaced)."""
    lines = set()
    for _ in range(MAX_ROUNDS):
        if not parses(source):
            break
        ((_, module, violations), *_) = analysed_pieces(source, parse_python(source), RULES, whole_file=True)
        fixes = [
            v.fix
            for v in unsilenced(violations, source)
            if v.fix is not None and (unsafe or v.fix.safety == SAFE)
        ]
        swaps = non_overlapping(fixes)
        if not swaps:
            break
        positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
        for fix in fixes:
            for old, _ in fix.replacements:
                if id(old) in swaps:
                    span = positions[old]
                    lines.update(range(span.start.line, span.end.line + 1))
        fixed = module.visit(NodeSwapper(swaps)).code
        if fixed == source or not parses(fixed):
            break
        source = fixed
    return source, lines


def check_fixes(source: str) -> None:
    for unsafe in (False, True):
        result = fix_source(source, unsafe=unsafe)
        assert result.rejected is None, result.rejected
        fixed = result.source
        if fixed == source:
            continue
        assert parses(fixed), "the fixed code does not parse"
        assert fix_source(fixed, unsafe=unsafe).source == fixed, "a second --fix changes the code again"
        before, after = python_lines(source), python_lines(fixed)
        assert len(before) == len(after), "the fixes changed the number of lines"
        replayed, edited = edited_lines(source, unsafe)
        assert replayed == fixed, "fixing piece by piece differs from fixing the whole file"
        touched = {line for _, spans in result.touched for first, last in spans for line in range(first, last + 1)}
        assert touched == edited, "the fixer's account of the lines it replaced is wrong"
        changed = {number for number, (a, b) in enumerate(zip(before, after), start=1) if a != b}
        assert changed <= edited, f"lines {sorted(changed - edited)} changed, but no fix edited them"


@PROFILE
@given(torch_programs())
def test_generated_torch_programs_are_valid_python(source):
    compile(source, "<generated>", "exec", flags=ast.PyCF_ONLY_AST)


@PROFILE
@given(torch_programs())
def test_engine_on_torch_programs_never_raises_and_pieces_match(source):
    check_engine(source)


@PROFILE
@given(torch_programs())
def test_fixes_on_torch_programs_parse_are_idempotent_and_edit_only_their_lines(source):
    check_fixes(source)


@pytest.mark.parametrize("strategy", ["grammar", "node"])
def test_engine_and_fixes_on_arbitrary_python(strategy):
    programs = hypothesmith.from_grammar() if strategy == "grammar" else hypothesmith.from_node()

    @SLOW
    @given(programs)
    def check(program):
        check_engine(program)  # mostly stopped by the prefilter: no torch in it
        source = with_torch_tail(program)
        found = check_engine(source)
        if parses(source):
            tail = source.count("\n") - TORCH_TAIL.count("\n")
            in_function = {v.code for v in found if v.line > tail + len(TORCH_LINES.splitlines())}
            assert {"DET101", "DET202"} <= in_function, "the torch function at the end was not analysed"
        check_fixes(source)

    check()
