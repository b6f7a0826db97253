"""Thin flake8 adapter: flake8 owns select/ignore/noqa; this only turns findings into tuples."""

from __future__ import annotations

from typing import Iterator

from . import __version__
from .pipeline import check_source


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
        for violation in check_source("".join(self.lines), tree=self.tree):
            yield violation.line, violation.col, f"{violation.code} {violation.message}", type(self)
