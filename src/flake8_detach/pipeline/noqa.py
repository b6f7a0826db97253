"""`# noqa` for the standalone CLI, with flake8's semantics (flake8 7: defaults.py, violation.py,
processor.py), so a comment silences the same findings under both front ends:

- `# noqa` (any case) anywhere in the line silences every finding on it;
- `# noqa: DET101,DET2` (`:` right after `noqa`, at most one space after it) silences codes
  equal to or starting with a listed code; codes are compared case-sensitively, and a code
  list that does not match the pattern makes the comment a bare `# noqa`;
- "the line" is the whole token run the finding's line belongs to: all lines of a multi-line
  string or a backslash continuation count as one;
- a line `# flake8: noqa` (or `# flake8=noqa`) on its own silences the whole file.
"""

from __future__ import annotations

import io
import re
import tokenize

INLINE = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
WHOLE_FILE = re.compile(r"\s*# flake8[:=]\s*noqa", re.IGNORECASE)
CODE_SEPARATORS = re.compile(r"[,\s]")


class Noqa:
    """The `# noqa` comments of one source text."""

    def __init__(self, source: str) -> None:
        self.lines = io.StringIO(source, newline=None).readlines()
        self.whole_file = any(WHOLE_FILE.match(line) for line in self.lines)
        # Tokenizing a big file costs more than checking it: only a file with a noqa comment
        # needs its token runs, and only once a finding asks.
        self.any_noqa = "noqa" in source.lower()
        self._line_text = None

    @property
    def line_text(self) -> dict:
        if self._line_text is None:
            self._line_text = self._token_runs()
        return self._line_text

    def silences(self, code: str, line: int) -> bool:
        """Whether a finding `code` reported on (1-based) `line` is silenced."""
        if self.whole_file:
            return True
        if not self.any_noqa:
            return False
        text = self.line_text.get(line)
        if text is None:
            text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        match = INLINE.search(text)
        if match is None:
            return False
        codes = match.group("codes")
        if codes is None:
            return True
        listed = tuple(c for c in CODE_SEPARATORS.split(codes) if c)
        return code.startswith(listed)

    def keeps(self, violation) -> bool:
        """Whether no `# noqa` silences `violation` (see `unsilenced`)."""
        if self.whole_file:
            return False
        return violation.code == "DET000" or not self.silences(violation.code, violation.line)

    def _token_runs(self) -> dict:
        """Line -> the text of all lines its tokens span up to the next line break token."""
        runs: dict = {}
        first, last = None, None
        try:
            for token in tokenize.generate_tokens(io.StringIO("".join(self.lines)).readline):
                if token.type in (tokenize.ENDMARKER, tokenize.DEDENT):
                    continue
                first = token.start[0] if first is None else min(first, token.start[0])
                last = token.end[0] if last is None else max(last, token.end[0])
                if token.type in (tokenize.NL, tokenize.NEWLINE):
                    text = "".join(self.lines[first - 1 : last])
                    runs.update(dict.fromkeys(range(first, last + 1), text))
                    first, last = None, None
        except (tokenize.TokenError, SyntaxError):
            return {}  # as flake8: fall back to physical lines for a file that does not tokenize
        return runs


def unsilenced(violations: list, source: str) -> list:
    """The violations no `# noqa` silences. DET000 (the file could not be parsed) says that the
    file was not checked: only `# flake8: noqa`, which skips the file, silences it."""
    if not violations:
        return violations
    noqa = Noqa(source)
    return [v for v in violations if noqa.keeps(v)]
