"""Which paths git ignores, so that walking a directory passes over them as ruff does.

The ignore files are read here rather than asked of `git check-ignore`: the walk must not even
enter an ignored directory (a data set, an environment or build output can hold many thousands
of files), and asking git directory by directory would take a process per directory or a
two-way pipe to one; reading them also works without git installed. What is read: the
`.gitignore` files from the repository's root down to each directory, and `.git/info/exclude`;
not the user's global `core.excludesFile`, which would need git's own configuration. Outside a
git repository nothing is ignored, as for git.

Semantics (gitignore(5)): the last matching pattern wins, and a deeper file's patterns come
after those above it; `!` re-includes; a trailing `/` matches directories only; a pattern with
a `/` at its start or in its middle is anchored at its file's directory, any other matches a
name at any depth below it; `*`, `?` and `[...]` never match `/`; `**/`, `/**/` and `/**` span
directories. A directory that is ignored is not entered, so nothing inside it can be
re-included, as in git.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Pattern:
    base: str  # the absolute directory the pattern is relative to
    regex: re.Pattern
    negated: bool  # `!pattern`: re-includes
    directories_only: bool  # `pattern/`
    name_only: bool  # no `/` but a trailing one: matches a name at any depth below `base`

    def matches(self, path: str, name: str, is_directory: bool) -> bool:
        """Whether the pattern matches `path`, an absolute path below `base` named `name`."""
        if self.directories_only and not is_directory:
            return False
        if self.name_only:
            return self.regex.fullmatch(name) is not None
        prefix = os.path.join(self.base, "")
        if not path.startswith(prefix):
            return False
        return self.regex.fullmatch(path[len(prefix) :].replace(os.sep, "/")) is not None


class Ignores:
    """The patterns that apply inside one directory: none outside a repository."""

    def __init__(self, patterns: tuple = (), in_repository: bool = False):
        self.patterns = patterns
        self.in_repository = in_repository

    @classmethod
    def at(cls, directory: str) -> "Ignores":
        """The patterns in force in `directory` (its own `.gitignore` included): none outside
        a git repository."""
        directory = os.path.abspath(directory)
        root = repository_root(directory)
        if root is None:
            return cls()
        ignores = cls(read_patterns(os.path.join(root, ".git", "info", "exclude"), root), in_repository=True)
        ignores = ignores.entering(root, False)
        here = root
        for step in os.path.relpath(directory, root).split(os.sep):
            if step != os.curdir:
                here = os.path.join(here, step)
                ignores = ignores.entering(here, False)
        return ignores

    def entering(self, directory: str, fresh_repository: Optional[bool] = None) -> "Ignores":
        """The patterns in force in a subdirectory: these and its own `.gitignore`'s; only
        its repository's when it is the root of a repository (a nested one's files are not
        the outer one's)."""
        directory = os.path.abspath(directory)
        if fresh_repository is None:
            fresh_repository = os.path.exists(os.path.join(directory, ".git"))
        if fresh_repository:
            return Ignores.at(directory)
        if not self.in_repository:
            return self
        own = read_patterns(os.path.join(directory, ".gitignore"), directory)
        return Ignores(self.patterns + own, in_repository=True) if own else self

    def ignores(self, path: str, is_directory: bool) -> bool:
        path = os.path.abspath(path)
        name = os.path.basename(path)
        for pattern in reversed(self.patterns):
            if pattern.matches(path, name, is_directory):
                return not pattern.negated
        return False


def repository_root(directory: str) -> Optional[str]:
    """The nearest directory at or above `directory` holding `.git` (a directory, or the
    file of a worktree or submodule)."""
    while True:
        if os.path.exists(os.path.join(directory, ".git")):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def read_patterns(path: str, base: str) -> tuple:
    """The patterns of one ignore file; none when it is missing or cannot be read (git too
    passes over an unreadable one)."""
    try:
        with open(path, "rb") as file:
            text = file.read().decode("utf-8", "surrogateescape")  # paths from os.walk decode the same way
    except OSError:
        return ()
    return tuple(pattern for line in text.splitlines() for pattern in [parse_line(line, base)] if pattern)


def parse_line(line: str, base: str) -> Optional[Pattern]:
    if line.startswith("#"):
        return None
    line = _strip_trailing_spaces(line)
    negated = line.startswith("!")
    if negated:
        line = line[1:]
    directories_only = line.endswith("/")
    line = line.rstrip("/")
    if not line:
        return None
    name_only = "/" not in line
    try:
        regex = re.compile(translate(line.lstrip("/") if not name_only else line), re.DOTALL)
    except re.error:  # a reversed range `[z-a]`: git's matcher matches nothing with it
        return None
    return Pattern(base, regex, negated, directories_only, name_only)


def _strip_trailing_spaces(line: str) -> str:
    """Trailing spaces go, but one escaped with a backslash (`name\\ `) stays."""
    while line.endswith(" ") and not line.endswith("\\ "):
        line = line[:-1]
    return line


def translate(glob: str) -> str:
    """A regular expression matching what the glob matches, against a `/`-separated path."""
    out, i, n = [], 0, len(glob)
    while i < n:
        char = glob[i]
        if char == "*":
            end = i
            while end < n and glob[end] == "*":
                end += 1
            whole_step = (i == 0 or glob[i - 1] == "/") and (end == n or glob[end] == "/")
            if end - i >= 2 and whole_step:
                if end == n:  # `/**` at the end: everything inside
                    out.append(".*")
                else:  # `**/`: zero or more directories
                    out.append("(?:.*/)?")
                    end += 1
            else:  # `*`, or `**` within a name, which git reads as `*`
                out.append("[^/]*")
            i = end
        elif char == "?":
            out.append("[^/]")
            i += 1
        elif char == "[":
            bracket = _bracket(glob, i)
            if bracket is None:  # no closing `]`: a plain `[`
                out.append(re.escape(char))
                i += 1
            else:
                expression, i = bracket
                out.append(expression)
        elif char == "\\" and i + 1 < n:
            out.append(re.escape(glob[i + 1]))
            i += 2
        else:
            out.append(re.escape(char))
            i += 1
    return "".join(out)


def _bracket(glob: str, start: int) -> Optional[tuple]:
    """(the expression for the `[...]` at `start`, the index after it), or None when it is not
    closed. `!` or `^` first negates; a `]` first is a member; it never matches `/`."""
    i, n = start + 1, len(glob)
    negated = i < n and glob[i] in "!^"
    if negated:
        i += 1
    members, first = [], True
    while i < n and (glob[i] != "]" or first):
        first = False
        low, i = _bracket_char(glob, i)
        if i + 1 < n and glob[i] == "-" and glob[i + 1] != "]":
            high, i = _bracket_char(glob, i + 1)
            members.append(f"{re.escape(low)}-{re.escape(high)}")
        else:
            members.append(re.escape(low))
    if i >= n:
        return None
    return f"(?!/)[{'^' if negated else ''}{''.join(members)}]", i + 1


def _bracket_char(glob: str, i: int) -> tuple:
    if glob[i] == "\\" and i + 1 < len(glob):
        return glob[i + 1], i + 2
    return glob[i], i + 1
