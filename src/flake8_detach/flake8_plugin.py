"""Thin flake8 adapter: flake8 owns select/ignore/noqa; this only turns findings into tuples.

Importing it costs next to nothing: the rules and libcst are imported only when a file holds
one of the rules' first needs (first_needs.py), so flake8 on code without torch autograd
words runs as fast as without the plugin."""

from __future__ import annotations

import re
from typing import Iterator

from . import __version__
from .first_needs import FIRST_NEEDS

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

    def run(self) -> Iterator[tuple]:
        source = "".join(self.lines)
        if not any(pattern.search(source) for pattern in GATE):
            return
        from .pipeline import check_source  # libcst and the rules: only for files that need them

        for violation in check_source(source, tree=self.tree):
            yield violation.line, violation.col, f"{violation.code} {violation.message}", type(self)
