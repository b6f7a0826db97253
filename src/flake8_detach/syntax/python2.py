"""Code older Pythons took and today's Python rejects, read as it was meant: old PyTorch code
(0.1-0.4 era) often logs its losses with Python 2's `print 'loss', loss.data[0]`, or copies
to the GPU with `x.cuda(async=True)` (a keyword since Python 3.7), and the whole file is then
rejected. Such a file is analysed as if each print statement were written `print(...)` and
each `async` used as a name were `Async`; its findings carry no fix (the fix would be made to
code the file does not hold)."""

from __future__ import annotations

import io
import tokenize
from typing import Optional

from .source_lines import physical_lines

ENDS = (tokenize.NEWLINE, tokenize.COMMENT, tokenize.ENDMARKER)


def as_python3(source: str) -> Optional[str]:
    """`source` with its print statements made calls and `async` used as a name renamed, or
    None where neither occurs (or the source cannot be tokenized)."""
    with_calls = with_print_calls(source)
    renamed = with_async_renamed(with_calls or source)
    return renamed or with_calls


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
