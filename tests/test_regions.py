"""The region index (regions.py) loses nothing: analysing only the candidate pieces of a file
finds exactly what analysing the whole file finds."""

from pathlib import Path

import pytest
from expectations import actual_findings, expected_findings

from flake8_detach import check_source

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


def test_region_shapes_are_cut_right():
    source = (ROOT / "tests" / "fixtures" / "regions" / "shapes.py").read_text(encoding="utf-8")
    assert actual_findings(check_source(source)) == expected_findings(source)


def test_a_scope_too_long_for_libcst_is_one_det000_and_other_pieces_go_on(monkeypatch):
    from flake8_detach import engine

    monkeypatch.setattr(engine, "MAX_PIECE_LINES", 10)
    module_level = "".join(f"y{i} = d + 1\n" for i in range(20))
    source = f"import torch\nd = torch.ones(3).detach()\n{module_level}d.add_(1)\n\ndef f(x):\n    e = x.detach()\n    e.add_(1)\n"
    found = [(v.line, v.code, v.message) for v in check_source(source)]
    assert found == [
        (1, "DET000", "a scope of 24 lines of code is too long to analyse (the limit is 10)"),
        (27, "DET101", "add_() on e also writes into x: detach() shares its storage"),
    ]
