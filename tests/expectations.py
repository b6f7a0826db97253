"""`# expect: DET101, DET202` markers: the findings a line of a fixture must produce."""

from __future__ import annotations

import re

MARKER = re.compile(r"#\s*expect:\s*(?P<codes>DET\d{3}(?:\s*,\s*DET\d{3})*)")


def expected_findings(source: str) -> list:
    """Sorted (line, code) pairs declared by the markers in `source`."""
    found = []
    for number, line in enumerate(source.splitlines(), start=1):
        match = MARKER.search(line)
        if match:
            found.extend((number, code.strip()) for code in match.group("codes").split(","))
    return sorted(found)


def actual_findings(violations) -> list:
    return sorted((v.line, v.code) for v in violations)
