"""The piece shortcut (pieces.py) loses nothing: analysing only the pieces of a file that can
produce a finding finds exactly what analysing the whole file finds."""

import ast
from pathlib import Path

import pytest
from expectations import actual_findings, expected_findings

from flake8_detach import check_source
from flake8_detach.pieces import index_file, pieces_to_parse
from flake8_detach.pipeline import needs_of
from flake8_detach.rules import RULES

ROOT = Path(__file__).parent.parent
FILES = sorted(
    [ROOT / "examples" / "article_patterns.py"]
    + list((ROOT / "tests" / "fixtures").rglob("*.py"))
)


def findings(source: str, **options) -> list:
    return [(v.line, v.col, v.code, v.message) for v in check_source(source, **options)]


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_pieces_find_what_the_whole_file_finds(path):
    source = path.read_text(encoding="utf-8")
    assert findings(source) == findings(source, whole_file=True)


def test_piece_shapes_are_cut_right():
    source = (ROOT / "tests" / "fixtures" / "pieces" / "shapes.py").read_text(encoding="utf-8")
    assert actual_findings(check_source(source)) == expected_findings(source)


def test_a_scope_too_long_for_libcst_is_one_det000_and_other_pieces_go_on(monkeypatch):
    from flake8_detach import pipeline

    monkeypatch.setattr(pipeline, "MAX_PIECE_LINES", 10)
    module_level = "".join(f"y{i} = d + 1\n" for i in range(20))
    source = f"import torch\nd = torch.ones(3).detach()\n{module_level}d.add_(1)\n\ndef f(x):\n    e = x.detach()\n    e.add_(1)\n"
    found = [(v.line, v.code, v.message) for v in check_source(source)]
    assert found == [
        (1, "DET000", "a scope of 24 lines of code is too long to analyse (the limit is 10)"),
        (27, "DET101", "add_() on e also writes into x: detach() shares its storage"),
    ]


def test_module_code_that_only_imports_torch_utils_data_is_not_parsed():
    """`.data` in an import is not a `.data` attribute: DET201/202 cannot fire there, so only
    the function is a piece to parse."""
    source = (
        "import torch\nfrom torch.utils.data import DataLoader\n\n\n"
        "def f():\n    w = torch.ones(3, requires_grad=True)\n    return w.data.cpu()\n"
    )
    tree = ast.parse(source)
    needs, index = needs_of(tuple(RULES)), index_file(tree)
    pieces = pieces_to_parse(source, tree, needs, needs.telling_offsets(source), index.imports)
    assert [piece.line_offset for piece in pieces] == [4]
    assert [(v.line, v.code) for v in check_source(source)] == [(7, "DET202")]
    assert findings(source) == findings(source, whole_file=True)
