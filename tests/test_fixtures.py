"""Fixture files: every `# expect:` marker is found, and nothing else is. A rule's fixture
(tests/fixtures/rules/detNNN_<name>.py) is its rule's: that rule finds exactly its markers, and
the markers of other rules there (cross-rule findings listed) are found too, while what other
rules find unlisted is theirs to answer for. The article is linted with every rule, both tiers,
and nothing unlisted may appear; the quiet corpus is quiet in the default tier."""

from pathlib import Path

import pytest
from expectations import actual_findings, expected_findings

from flake8_detach import RULES, check_source
from flake8_detach.rules import select

ROOT = Path(__file__).parent.parent
ARTICLE = ROOT / "examples" / "article_patterns.py"
RULE_FIXTURES = sorted((ROOT / "tests" / "fixtures" / "rules").glob("*.py"))
QUIET = sorted((ROOT / "tests" / "fixtures" / "quiet").glob("*.py"))


def test_the_article_finds_its_markers_and_nothing_else():
    source = ARTICLE.read_text(encoding="utf-8")
    assert actual_findings(check_source(source, RULES)) == expected_findings(source)


@pytest.mark.parametrize("path", RULE_FIXTURES, ids=[p.name for p in RULE_FIXTURES])
def test_a_rules_fixture_is_its_rules(path):
    source = path.read_text(encoding="utf-8")
    code = path.name[:6].upper()
    assert code in {rule.code for rule in RULES}, f"{path.name} names no rule"
    expected = expected_findings(source)
    own = [(line, found) for line, found in expected if found == code]
    assert own, f"{path.name} has no marker of {code}"
    found = actual_findings(check_source(source, RULES))
    assert [(line, c) for line, c in found if c == code] == own
    listed = [finding for finding in expected if finding[1] != code]
    assert [finding for finding in found if finding in listed] == listed


@pytest.mark.parametrize("path", QUIET, ids=[p.name for p in QUIET])
def test_quiet_fixture_is_quiet_in_the_default_tier(path):
    assert check_source(path.read_text(encoding="utf-8"), select()) == []


def test_quiet_fixtures_have_no_markers():
    for path in (ROOT / "tests" / "fixtures" / "quiet").glob("*.py"):
        assert expected_findings(path.read_text(encoding="utf-8")) == [], path
