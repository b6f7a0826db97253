"""Thin flake8 adapter: flake8 owns select/ignore/noqa; this only turns findings into tuples.

Importing it costs next to nothing: the rules and libcst are imported only when a file holds
one of the rules' first needs (plugin_data.py), so flake8 on code without torch autograd
words runs as fast as without the plugin."""

from __future__ import annotations

import re
from typing import Iterator

from . import __version__
from .plugin_data import FIRST_NEEDS, OPT_IN_CODES

GATE = tuple(re.compile(pattern) for pattern in FIRST_NEEDS)


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

    @staticmethod
    def add_options(option_manager) -> None:
        # The opt-in tier is off unless selected (`--extend-select DET202`), as flake8-bugbear
        # does for its opinionated B9 codes.
        option_manager.extend_default_ignore(OPT_IN_CODES)

    def run(self) -> Iterator[tuple]:
        source = "".join(self.lines)
        if not any(pattern.search(source) for pattern in GATE):
            return
        from .pipeline import check_source  # libcst and the rules: only for files that need them

        on_disk = self.filename if self.filename not in ("", "stdin", "-") else None
        for violation in check_source(source, tree=self.tree, path=on_disk):
            yield violation.line, violation.col, f"{violation.code} {violation.message}", type(self)
