"""The engine and the flake8 plugin on pathological but valid input: they never raise, a DET000
appears only where Python's own `ast` rejects the file too (and then says why in words), and
the piece shortcut finds what the whole-file analysis finds whatever characters the file holds.

Found by the robustness sweep and the probes of issue 6; several of these fail until the engine
handles them (the pipeline and planning.py are not touched by the tests' author)."""

import ast
import io
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_detach import check_source
from flake8_detach.pipeline.checking import MAX_NESTING
from flake8_detach.frontends.flake8_plugin import Flake8Checker

HEAD = "import torch\nx = torch.ones(3)\nd = x.detach()\nd.add_(1)\nprint(x)\n"  # DET101 at 4:0

SHAPES = {
    "brackets": lambda n: "[" * n + "d" + "]" * n,
    "parens": lambda n: "(" * n + "d" + ")" * n,
    "sum": lambda n: "+".join(["d"] * n),
    "unary": lambda n: "-" * n + "d",
    "not": lambda n: "not " * n + "d",
    "attributes": lambda n: "d" + ".a" * n,
    "calls": lambda n: "d" + "()" * n,
    "strings": lambda n: " ".join(['"a"'] * n),
    "lambdas": lambda n: "lambda: " * n + "d",
    "conditionals": lambda n: "d if d else " * n + "d",
}
CASES = [
    pytest.param(shape, depth, id=f"{shape}-{depth}")
    for shape in SHAPES
    for depth in (100, 199, 1000, 10000)
]


def deep(shape: str, depth: int) -> str:
    return HEAD + f"y = {SHAPES[shape](depth)}\n"


def ast_accepts(source: str) -> bool:
    try:
        ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def libcst_accepts(source: str) -> bool:
    result = run_isolated("import sys, libcst; libcst.parse_module(sys.argv[1])", source)
    return result.returncode == 0


def run_isolated(code: str, *args: str) -> subprocess.CompletedProcess:
    """Runs `code` in a fresh interpreter: a parser that overflows the C stack kills only that."""
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300)


CHECK = """
import sys
sys.path.insert(0, sys.argv[3])
from flake8_detach import check_source
from test_robustness_engine import deep
source = deep(sys.argv[1], int(sys.argv[2]))
for whole_file in (False, True):
    found = check_source(source, whole_file=whole_file)
    print(whole_file, [(v.line, v.code, v.message) for v in found])
"""


@pytest.mark.parametrize("shape, depth", CASES)
def test_deep_nesting_never_raises_and_det000_only_where_ast_rejects(shape, depth):
    source = deep(shape, depth)
    result = run_isolated(CHECK, shape, str(depth), str(Path(__file__).parent))
    assert result.returncode == 0, f"check_source raised or crashed:\n{result.stderr[-2000:]}"
    outputs = result.stdout.splitlines()
    assert outputs[0].split(" ", 1)[1] == outputs[1].split(" ", 1)[1], "pieces and whole file differ"
    if not ast_accepts(source):
        assert "DET000" in result.stdout
        # Python's RecursionError or MemoryError is a nesting limit: say so, not just the class name.
        assert "nest" in result.stdout, f"unclear DET000 message: {outputs[0]}"
    elif nesting_depth(ast.parse(source)) > MAX_NESTING:  # what Python 3.11 refuses, wherever it is accepted
        assert f"DET000', 'not analysed: nested over {MAX_NESTING:,} levels deep" in outputs[0]
    elif libcst_accepts(source) or shape == "strings":
        # (a line of 10,000 joined strings is a data table libcst never sees: it is left out)
        assert "DET000" not in result.stdout, f"DET000 although Python's ast accepts the file: {outputs[0]}"
    else:  # libcst's own limit: say whose
        assert "DET000', 'libcst cannot parse this code" in outputs[0]


def nesting_depth(tree: ast.AST) -> int:
    depth, level = 0, [tree]
    while level:
        depth, level = depth + 1, [child for node in level for child in ast.iter_child_nodes(node)]
    return depth


@pytest.mark.parametrize("shape", ["brackets", "not", "strings"])
def test_flake8_with_the_plugin_survives_deep_nesting_that_ast_accepts(tmp_path, shape):
    (tmp_path / "deep.py").write_text(deep(shape, 199 if shape == "brackets" else 1000))
    result = subprocess.run([sys.executable, "-m", "flake8", "--isolated", "--select", "DET", "deep.py"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in result.stderr and result.returncode in (0, 1), result.stderr[-1500:]


# Characters that str.splitlines() treats as line breaks but Python does not (form feed, vertical
# tab, file/group/record separators, NEL, line and paragraph separators): legal in comments and
# strings, and a form feed is even common between sections of old code.
ODD_BREAKS = ["\f", "\v", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("char", ODD_BREAKS, ids=[f"U+{ord(c):04X}" for c in ODD_BREAKS])
def test_pieces_and_whole_file_agree_whatever_line_breaks_a_comment_holds(char):
    source = (
        f"# section{char}break\nimport torch\n\n\ndef f():\n    x = torch.ones(3)  # a{char}b\n"
        "    d = x.detach()\n    d.add_(1)\n    return x\n"
    )
    whole = [(v.line, v.col, v.code) for v in check_source(source, whole_file=True)]
    assert whole == [(8, 4, "DET101")]
    assert [(v.line, v.col, v.code) for v in check_source(source)] == whole


def test_a_form_feed_line_between_functions_keeps_findings():
    source = "import torch\n\f\ndef f():\n    x = torch.ones(3)\n    d = x.detach()\n    d.add_(1)\n    return x\n"
    assert [(v.line, v.code) for v in check_source(source)] == [(6, "DET101")]


def test_the_plugin_gets_the_same_findings_as_the_engine_on_a_form_feed_file():
    source = "import torch\n\f\nx = torch.ones(3)\nd = x.detach()\nd.add_(1)\nprint(x)\n"
    lines = io.StringIO(source).readlines()  # as flake8 reads them: a form feed does not end a line
    found = [(line, message.split()[0]) for line, _, message, _ in Flake8Checker(ast.parse(source), lines).run()]
    assert found == [(5, "DET101")]


def test_pieces_and_whole_file_agree_after_a_module_level_raise():
    """Found by hypothesmith (program 'raise'): the whole-file walk stops at an unreachable
    point and never analyses the function defined after it; the piece shortcut does."""
    source = "raise\nimport torch\ndef f():\n    x = torch.ones(3)\n    d = x.detach()\n    d.add_(1)\n    return x\n"
    assert [(v.line, v.code) for v in check_source(source)] == [(6, "DET101")]
    assert [(v.line, v.code) for v in check_source(source, whole_file=True)] == [(6, "DET101")]


FED_BACK = """import torch
from torch import nn


class C(nn.Module):
    def __init__(self):
        super().__init__()
        self.m = torch.zeros(3)

    def forward(self, x):
        self.m = self.m + {terms}
        return x


net = nn.Sequential(nn.Linear(3, 3), C())
"""


def test_a_whole_file_rule_reads_a_deep_expression_that_ast_accepts():
    """DET308 reads expressions recursively, outside the walk (FileRule.check_file)."""
    source = FED_BACK.format(terms=" + ".join(["x"] * 2000))
    assert ast_accepts(source)
    result = run_isolated(
        "import sys; from flake8_detach import check_source; "
        "print([(v.line, v.code) for v in check_source(sys.argv[1])])",
        source,
    )
    assert result.returncode == 0, f"check_source raised or crashed:\n{result.stderr[-2000:]}"
    assert result.stdout.strip() == "[(11, 'DET308')]"
