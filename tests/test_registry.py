"""The registry is sound, and the generated docs and README table match it."""

import re
import string
from pathlib import Path

import pytest
from expectations import expected_findings

from flake8_detach.docs import PLUGIN_DATA_PATH, plugin_data_module, readme_with_table, rules_markdown
from flake8_detach.rules import EVENTS, RULES, WalkRule, select

ROOT = Path(__file__).parent.parent


def test_codes_and_names_are_unique_and_well_formed():
    codes = [rule.code for rule in RULES]
    names = [rule.name for rule in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for rule in RULES:
        assert re.fullmatch(r"DET[1-9]\d\d", rule.code), rule.code
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name), rule.name


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_message_reads_like_a_finding(rule):
    fields = {name: "x" for _, name, _, _ in string.Formatter().parse(rule.message) if name}
    message = rule.message.format(**fields)
    assert message[0].islower()
    assert not message.endswith(".")
    assert len(message) <= 90


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_is_documented(rule):
    assert rule.what and rule.why and rule.needs
    assert rule.examples


def test_select_by_prefix():
    assert [r.code for r in select(["DET2"])] == ["DET201", "DET202", "DET203"]
    assert "DET101" not in [r.code for r in select(None, ["DET1"])]


def test_generated_docs_are_in_sync():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is stale: run `python -m flake8_detach.docs`"
    )


def test_readme_rule_table_is_in_sync():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_with_table(readme) == readme, "README table is stale: run `python -m flake8_detach.docs`"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_hooks_are_known_events(rule):
    """A misspelt hook would never be called: every `on_` method is one of the walk's events."""
    hooks = {name for klass in rule.__mro__ if klass is not WalkRule for name in vars(klass) if name.startswith("on_")}
    assert hooks <= set(EVENTS), f"{rule.code}: unknown events {sorted(hooks - set(EVENTS))}"
    if issubclass(rule, WalkRule):
        assert set(rule.events()) == hooks
    else:  # a FileRule is not walked: a hook would never be called
        assert hooks == set()


def test_every_event_is_fired_by_the_walk():
    package = ROOT / "src" / "flake8_detach" / "engine"
    walk = "".join((package / name).read_text(encoding="utf-8") for name in ("walker.py", "expression_events.py"))
    fired = set(re.findall(r'self\.fire\("(on_\w+)"', walk))
    assert fired == set(EVENTS)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_file_and_fixture_are_named_after_the_rule(rule):
    stem = f"{rule.code.lower()}_{rule.name.replace('-', '_')}"
    assert rule.__module__ == f"flake8_detach.rules.{stem}"
    fixture = ROOT / "tests" / "fixtures" / "rules" / f"{stem}.py"
    assert fixture.exists(), f"{rule.code} has no fixture {fixture.relative_to(ROOT)}"
    assert rule.code in {code for _, code in expected_findings(fixture.read_text(encoding="utf-8"))}


def test_the_plugins_data_is_in_sync():
    assert PLUGIN_DATA_PATH.read_text(encoding="utf-8") == plugin_data_module(), (
        "plugin_data.py is stale: run `python -m flake8_detach.docs`"
    )
