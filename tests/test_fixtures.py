"""Fixture files: every `# expect:` marker is found, and nothing else is."""

from pathlib import Path

import pytest
from expectations import actual_findings, expected_findings

from flake8_detach import check_source

ROOT = Path(__file__).parent.parent
FIXTURES = sorted(
    [ROOT / "examples" / "article_patterns.py"]
    + list((ROOT / "tests" / "fixtures" / "rules").glob("*.py"))
    + list((ROOT / "tests" / "fixtures" / "quiet").glob("*.py"))
)


@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_fixture_findings_match_markers(path):
    source = path.read_text(encoding="utf-8")
    assert actual_findings(check_source(source)) == expected_findings(source)


def test_quiet_fixtures_have_no_markers():
    for path in (ROOT / "tests" / "fixtures" / "quiet").glob("*.py"):
        assert expected_findings(path.read_text(encoding="utf-8")) == [], path
