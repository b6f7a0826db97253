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
