"""The one registry of rules."""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import Iterable, Optional

from ._base import DEFAULT, EVENTS, OPT_IN, FileRule, Rule, WalkRule

RULE_MODULE = re.compile(r"det\d{3}_\w+")  # rules/detNNN_<name>.py: one rule each


def discovered() -> tuple:
    """The rule of each `detNNN_<name>` module of this package, in code order."""
    found = []
    for module_info in pkgutil.iter_modules(__path__):
        if not RULE_MODULE.fullmatch(module_info.name):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        rules = [
            value for value in vars(module).values()
            if isinstance(value, type) and issubclass(value, (WalkRule, FileRule)) and value.__module__ == module.__name__
        ]
        if len(rules) != 1:
            raise ImportError(f"{module.__name__} must define one rule (a WalkRule or a FileRule), not {len(rules)}")
        found.append(rules[0])
    return tuple(sorted(found, key=lambda rule: rule.code))


RULES: tuple = discovered()


def select(select: Optional[Iterable[str]] = None, ignore: Iterable[str] = (), extend: Iterable[str] = ()) -> tuple:
    """The rules to run: those whose code starts with a selected prefix (without `select`, the
    default tier), and those starting with an `extend` prefix, less those with an ignored one."""
    selected = None if select is None else tuple(select)
    extended, ignored = tuple(extend), tuple(ignore)

    def wanted(rule) -> bool:
        chosen = rule.tier == DEFAULT if selected is None else rule.code.startswith(selected)
        if not chosen and not (extended and rule.code.startswith(extended)):
            return False
        return not (ignored and rule.code.startswith(ignored))

    return tuple(rule for rule in RULES if wanted(rule))


__all__ = ["DEFAULT", "EVENTS", "OPT_IN", "RULES", "FileRule", "Rule", "WalkRule", "select"]
