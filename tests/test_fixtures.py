"""Fixture files: every `# expect:` marker is found, and nothing else is. The rule fixtures and
the article are linted with every rule, both tiers; the quiet corpus with the default tier."""

from pathlib import Path

import pytest
from expectations import actual_findings, expected_findings

from flake8_detach import RULES, check_source
from flake8_detach.rules import select

ROOT = Path(__file__).parent.parent
FIXTURES = sorted([ROOT / "examples" / "article_patterns.py"] + list((ROOT / "tests" / "fixtures" / "rules").glob("*.py")))
QUIET = sorted((ROOT / "tests" / "fixtures" / "quiet").glob("*.py"))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_fixture_findings_match_markers(path):
    source = path.read_text(encoding="utf-8")
    assert actual_findings(check_source(source, RULES)) == expected_findings(source)


@pytest.mark.parametrize("path", QUIET, ids=[p.name for p in QUIET])
def test_quiet_fixture_is_quiet_in_the_default_tier(path):
    assert check_source(path.read_text(encoding="utf-8"), select()) == []


def test_quiet_fixtures_have_no_markers():
    for path in (ROOT / "tests" / "fixtures" / "quiet").glob("*.py"):
        assert expected_findings(path.read_text(encoding="utf-8")) == [], path
