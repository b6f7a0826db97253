"""Every rule's own examples: the bad one gives exactly its marked findings, the good one none,
linted as a user who enabled the rule would: the default tier and the rule itself."""

import pytest
from expectations import actual_findings, expected_findings

from flake8_detach import RULES, check_source
from flake8_detach.rules import select

def enabled(rule) -> tuple:
    return select(None, (), [rule.code])


CASES = [(rule, n, example) for rule in RULES for n, example in enumerate(rule.examples)]
IDS = [f"{rule.code}-{n}" for rule, n, _ in CASES]


@pytest.mark.parametrize("rule, n, example", CASES, ids=IDS)
def test_bad_example_gives_its_marked_findings(rule, n, example):
    expected = expected_findings(example.bad)
    assert expected, "a bad example must mark at least one finding"
    assert rule.code in {code for _, code in expected}
    assert actual_findings(check_source(example.bad, enabled(rule))) == expected


@pytest.mark.parametrize("rule, n, example", CASES, ids=IDS)
def test_good_example_is_silent(rule, n, example):
    assert check_source(example.good, enabled(rule)) == []


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_has_examples(rule):
    assert rule.examples
