"""Run every rule's examples under real torch: the bad one shows the documented effect, the
good one runs clean. torch is a hard requirement here: without it this module fails."""

import builtins
import importlib
import re
import warnings

import pytest
import torch  # noqa: F401  (fails loudly when torch is missing)

from flake8_detach import RULES
from flake8_detach.rules._base import Breaks, Raises, Warns

CASES = [(rule, n, example) for rule in RULES for n, example in enumerate(rule.examples)]
IDS = [f"{rule.code}-{n}" for rule, n, _ in CASES]


def execute(code: str) -> tuple:
    """Run `code` in a fresh namespace; return the namespace and the warnings it emitted."""
    namespace = {"__name__": "__proof__"}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        exec(compile(code, "<example>", "exec"), namespace)
    return namespace, caught


def exception_class(name: str) -> type:
    """The exception a Raises proof names: a builtin's name, or `module.Name`."""
    module, _, attribute = name.rpartition(".")
    return getattr(importlib.import_module(module) if module else builtins, attribute)


@pytest.mark.parametrize("rule, n, example", CASES, ids=IDS)
def test_bad_example_shows_the_effect(rule, n, example):
    proof = example.proof
    if isinstance(proof, Raises):
        with pytest.raises(tuple(map(exception_class, proof.errors)), match=proof.match):
            execute(example.bad)
    elif isinstance(proof, Warns):
        _, caught = execute(example.bad)
        messages = [str(w.message) for w in caught]
        assert any(re.search(proof.match, m) for m in messages), messages
    else:
        assert isinstance(proof, Breaks)
        namespace, _ = execute(example.bad)
        assert eval(proof.invariant, namespace) is False


@pytest.mark.parametrize("rule, n, example", CASES, ids=IDS)
def test_good_example_runs_clean(rule, n, example):
    namespace, caught = execute(example.good)
    user_warnings = [str(w.message) for w in caught if issubclass(w.category, UserWarning)]
    assert user_warnings == []
    if isinstance(example.proof, Breaks):
        assert eval(example.proof.invariant, namespace) is True


FIXED = [(rule, n, example) for rule, n, example in CASES if rule.fix_safety is not None]


@pytest.mark.parametrize("rule, n, example", FIXED, ids=[f"{rule.code}-{n}" for rule, n, _ in FIXED])
def test_fixed_example_behaves_like_the_good_one(rule, n, example):
    """What --fix --unsafe-fixes makes of the bad example shows none of the documented effect."""
    namespace, caught = execute(example.after_fix)
    proof = example.proof
    if isinstance(proof, Warns):
        assert not any(re.search(proof.match, str(w.message)) for w in caught)
    elif isinstance(proof, Breaks):
        assert eval(proof.invariant, namespace) is True
    user_warnings = [str(w.message) for w in caught if issubclass(w.category, UserWarning)]
    assert user_warnings == []
