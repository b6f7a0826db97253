"""Code older Pythons took and today's Python rejects, read as it was meant: old PyTorch code
(0.1-0.4 era) often logs its losses with Python 2's `print 'loss', loss.data[0]`, compares
with `<>`, indents with tabs and spaces mixed (a tab was 8 columns), or copies to the GPU with
`x.cuda(async=True)` (a keyword since Python 3.7); a script exported from a notebook keeps its
`%matplotlib inline`. The whole file is then rejected. Such a file is analysed as if each
print statement were written `print(...)`, each `<>` were `!=`, each `async` used as a name
were `Async`, each tab of an indentation the spaces it stood for and each IPython line
`pass`; its findings carry no fix (the fix would be made to code the file does not hold)."""

from __future__ import annotations

import io
import re
import tokenize
from typing import Optional

from .source_lines import physical_lines

ENDS = (tokenize.NEWLINE, tokenize.COMMENT, tokenize.ENDMARKER)
IPYTHON_LINE = re.compile(r"^([ \t]*)[%!].*?(\r\n|\r|\n|$)")
INDENTATION = re.compile(r"^[ \t]*")


def as_python3(source: str) -> Optional[str]:
    """`source` with its print statements made calls, `<>` written `!=` and `async` used as
    a name renamed, columns kept but after a print; None where none occurs (or the source
    cannot be tokenized)."""
    with_calls = with_print_calls(source)
    compared = with_not_equal(with_calls or source)
    renamed = with_async_renamed(compared or with_calls or source)
    return renamed or compared or with_calls


def as_python3_script(source: str) -> Optional[tuple]:
    """A whole script as as_python3 ports it, after its IPython lines (`%matplotlib inline`,
    `!pip install x`) became `pass` and its indentation mixing tabs and spaces was expanded as
    Python 2 read it; with, for each line whose indentation was expanded, (its length as
    written, as ported). None where nothing changes."""
    lines = physical_lines(source)
    shifts = {}
    for number, line in enumerate(lines, 1):
        written = INDENTATION.match(line).group()
        if "\t" in written:
            lines[number - 1] = written.expandtabs(8) + line[len(written):]
            shifts[number] = (len(written), len(written.expandtabs(8)))
    for number in _ipython_lines("".join(lines)):
        magic = IPYTHON_LINE.match(lines[number - 1])
        lines[number - 1] = magic.group(1) + "pass" + magic.group(2)
    scripted = "".join(lines)
    ported = as_python3(scripted)
    if ported is None and scripted == source:
        return None
    return ported or scripted, shifts


def _ipython_lines(source: str) -> list:
    """The numbers of the lines that start a statement with `%` or `!` (`%matplotlib inline`),
    not those that continue one (`    % (epoch, loss)` in a print's parentheses)."""
    found, depth, starts = [], 0, True
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type in (tokenize.NL, tokenize.COMMENT):
                continue
            if token.type in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
                starts = True
                continue
            if starts and depth == 0 and token.string in ("%", "!") and IPYTHON_LINE.match(token.line):
                found.append(token.start[0])
            starts = False
            if token.type == tokenize.OP and token.string in "([{":
                depth += 1
            elif token.type == tokenize.OP and token.string in ")]}":
                depth = max(0, depth - 1)
    except (tokenize.TokenError, SyntaxError):
        pass  # the lines found before what cannot be read
    return found


def with_not_equal(source: str) -> Optional[str]:
    """`source` with Python 2's `a <> b` written `a != b` (as long); None where there is none,
    or the source cannot be tokenized."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return None
    places = [
        token.start for index, token in enumerate(tokens)
        if token.type == tokenize.OP and (
            token.string == "<>"
            or token.string == "<" and index + 1 < len(tokens) and tokens[index + 1].string == ">"
            and tokens[index + 1].start == (token.end[0], token.end[1])
        )
    ]
    if not places:
        return None
    lines = physical_lines(source)
    for row, col in places:
        lines[row - 1] = lines[row - 1][:col] + "!=" + lines[row - 1][col + 2:]
    return "".join(lines)


def with_async_renamed(source: str) -> Optional[str]:
    """`source` with `async` written `Async` where it is a name (`cuda(async=True)`,
    `def f(async=False)`, `x.async`) and not the keyword of `async def/for/with`; columns are
    kept. None where there is none, or the source cannot be tokenized."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return None
    places = [
        token.start for index, token in enumerate(tokens)
        if token.type == tokenize.NAME and token.string == "async"
        and not (index + 1 < len(tokens) and tokens[index + 1].string in ("def", "for", "with"))
    ]
    if not places:
        return None
    lines = physical_lines(source)
    for row, col in places:
        lines[row - 1] = lines[row - 1][:col] + "Async" + lines[row - 1][col + len("async"):]
    return "".join(lines)


def with_print_calls(source: str) -> Optional[str]:
    """`source` with each `print x, y` written `print(x, y)`; columns are kept where a space
    follows `print` (it becomes the `(`). None where the source cannot be tokenized."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return None
    edits = []  # (row, col, characters replaced, text)
    for index, token in enumerate(tokens):
        if token.type != tokenize.NAME or token.string != "print":
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is None or following.string in ("(", "=", ".", ">>") or following.type == tokenize.NL:
            continue  # a call already, not the statement, or `print >>f, x` (Python 3 reads an expression)
        end = _statement_end(tokens, index + 1)
        if end is None:  # `print` alone: `print()`
            edits.append((token.end[0], token.end[1], 0, "()"))
            continue
        spaced = following.start[0] == token.end[0] and following.start[1] > token.end[1]
        edits.append((token.end[0], token.end[1], 1 if spaced else 0, "("))
        edits.append((end[0], end[1], 0, ")"))
    if not edits:
        return None
    lines = physical_lines(source)
    for row, col, replaced, text in sorted(edits, reverse=True):
        line = lines[row - 1]
        lines[row - 1] = line[:col] + text + line[col + replaced:]
    return "".join(lines)


def _statement_end(tokens: list, start: int) -> Optional[tuple]:
    """Where the print statement whose first argument token is tokens[start] ends: after its
    last token at bracket depth 0 before `;`, a comment or the end of the line; None if it
    has no argument."""
    depth, last = 0, None
    for token in tokens[start:]:
        if token.type == tokenize.OP and token.string in "([{":
            depth += 1
        elif token.type == tokenize.OP and token.string in ")]}":
            depth -= 1
        elif depth == 0 and (token.type in ENDS or token.string == ";"):
            return last
        if token.type not in (tokenize.NL, tokenize.COMMENT):
            last = token.end
    return last
