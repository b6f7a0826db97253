"""Thin flake8 adapter: flake8 owns select/ignore/noqa; this only turns findings into tuples.

Importing it costs next to nothing: the rules and libcst are imported only when a file holds
the first need (plugin_data.py) of a rule whose code flake8 reports and is PyTorch code
(project.is_torch_code), so flake8 on code without torch runs about as fast as without the
plugin; and only those rules run."""

from __future__ import annotations

import gc
import re
from typing import Callable, Iterator, Optional

from .. import __version__
from ..analysis.project import is_torch_code
from .plugin_data import CODES, FIRST_NEEDS, OPT_IN_CODES


def gate_of(codes: frozenset) -> tuple:
    """The patterns of which a file must hold one for a rule of `codes` to fire in it."""
    patterns = dict.fromkeys(pattern for code in sorted(codes) for pattern in FIRST_NEEDS[code])
    return tuple(re.compile(pattern) for pattern in patterns)


def reported_by_flake8(options) -> Callable[[str], bool]:
    """Whether flake8's select and ignore options (with their defaults and extensions) report a
    code, by flake8's own decision engine; every code, where this flake8 lacks it."""
    try:
        from flake8.style_guide import Decision, DecisionEngine

        engine = DecisionEngine(options)
        return lambda code: engine.decision_for(code) is Decision.Selected
    except (ImportError, AttributeError, TypeError):
        return lambda code: True


class Flake8Checker:
    name = "flake8-detach"
    version = __version__

    def __init__(self, tree, lines, filename: str = "") -> None:
        # flake8 picks the plugin's inputs by parameter name; taking `tree` makes this an AST
        # plugin, run once per file. The tree indexes the file so that libcst parses only
        # the parts that can produce a finding.
        self.tree = tree
        self.lines = lines
        self.filename = filename

    selected: tuple = ()  # the prefixes of flake8's --select and --extend-select
    # The codes flake8 reports, whose rules alone run, and the gate of their first needs.
    running: frozenset = frozenset(CODES) - frozenset(OPT_IN_CODES)
    gate: tuple = gate_of(running)
    rules: Optional[tuple] = None  # the rules of `running`, once imported

    @staticmethod
    def add_options(option_manager) -> None:
        option_manager.extend_default_ignore(OPT_IN_CODES)

    @classmethod
    def parse_options(cls, options) -> None:
        cls.selected = tuple(getattr(options, "select", None) or ()) + tuple(getattr(options, "extend_select", None) or ())
        reported = reported_by_flake8(options)
        cls.running = frozenset(code for code in CODES if cls.reports(code) and reported(code))
        cls.gate, cls.rules = gate_of(cls.running), None

    @classmethod
    def reports(cls, code: str) -> bool:
        """An opt-in code only where a selection names it, or a prefix that only opt-in codes
        share (`DET202`), as flake8-bugbear does for its B9 codes: flake8's own default-ignore
        list is dropped by any `ignore =` a project sets, and `DET` or `DET2` name the default
        tier too."""
        if code not in OPT_IN_CODES:
            return True
        return any(
            code.startswith(prefix) and all(other in OPT_IN_CODES for other in CODES if other.startswith(prefix))
            for prefix in cls.selected
        )

    def run(self) -> Iterator[tuple]:
        source = "".join(self.lines)
        if not any(pattern.search(source) for pattern in self.gate):
            return
        on_disk = self.filename if self.filename not in ("", "stdin", "-") else None
        if not is_torch_code(source, self.tree, on_disk):
            return
        from ..pipeline.checking import check_source, collect_rarely  # libcst and the rules: only where needed

        cls = type(self)
        if cls.rules is None:
            from ..rules import RULES

            cls.rules = tuple(rule for rule in RULES if rule.code in cls.running)
        before = collect_rarely()
        try:
            found = check_source(source, rules=cls.rules, tree=self.tree, path=on_disk)
        finally:
            gc.set_threshold(*before)  # flake8's own work collects as it did
        for violation in found:
            if self.reports(violation.code):
                yield violation.line, violation.col, f"{violation.code} {violation.message}", type(self)
