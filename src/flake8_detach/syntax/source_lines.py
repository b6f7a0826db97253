"""Source text as Python numbers its lines."""

from __future__ import annotations

import re

WRAPPER = "if True:\n"  # lets an indented method parse on its own, one line above its code


def physical_lines(source: str) -> list:
    """The lines of `source` as Python numbers them: ended by \\n, \\r\\n or \\r only
    (str.splitlines also breaks at form feeds, vertical tabs, U+2028 and more)."""
    return _PHYSICAL_LINE.findall(source)


_PHYSICAL_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
