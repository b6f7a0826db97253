"""The standalone command line: `flake8-detach [PATHS...]`, `flake8-detach rule CODE` and
`flake8-detach server` (a language server, server.py).

Exit status: 0 no findings, 1 findings (with --diff: fixes to show), 2 a usage error or a file
that could not be checked (unreadable, not parsable, not a Python notebook); the run goes on
over the other files either way. 130 or 143: stopped by SIGINT or SIGTERM.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import difflib
import io
import json
import os
import re
import sys
import tokenize
from collections import Counter
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from typing import Optional, Sequence

from .. import __version__
from . import config, workers, writing
from .gitignore import Ignores
from ..docs import PARSE_ERROR_NAME, parse_error_doc, rule_doc
from ..pipeline.checking import check_source, parse_failure
from ..syntax.ast_syntax import parses_as_python
from ..pipeline.fixing import fix_source
from ..pipeline.noqa import unsilenced
from ..pipeline.notebook import Notebook, NotebookError, lf_lines
from .report import PARSE_ERROR_CODE, FileError, Finding, error_line, printable, render, statistics
from ..rules import RULES, select

# Directories never entered while walking a directory (a path named on the command line is
# still checked): version control, caches, build output and installed packages.
SKIPPED_DIRECTORIES = frozenset(
    """.git .hg .svn .tox .nox .venv venv site-packages build __pycache__ .eggs .mypy_cache
    .pytest_cache .ipynb_checkpoints node_modules""".split()
)
CHECKED_SUFFIXES = (".py", ".ipynb")


@dataclass(frozen=True)
class RunOptions:
    """What every file's check needs; sent to worker processes."""

    rules: tuple
    fix: bool = False  # write fixes
    diff: bool = False  # show fixes without writing
    unsafe: bool = False
    file_lines: bool = False  # notebooks: also find each finding's line in the .ipynb file
    per_file_ignores: tuple = ()  # ((glob, codes), ...): codes not checked, nor fixed, in matching files
    verbose: bool = False  # say what was not checked (notebook cells that are not Python)
    stdin: Optional[bytes] = None  # the code read from standard input, checked as the only file


@dataclass
class FileReport:
    findings: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    diff: str = ""
    fixed: int = 0  # how many findings the written (or shown) fixes removed
    notes: list = field(default_factory=list)  # with --verbose: what was left out, one line each


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    tolerate_odd_characters()
    if args[:1] == ["rule"]:
        return rule_command(args[1:])
    if args[:1] == ["server"]:
        return server_command(args[1:])
    try:
        return check_command(args)
    except KeyboardInterrupt:  # before or after the files are checked: nothing to report
        print("flake8-detach: interrupted", file=sys.stderr)
        return 130
    except CannotReport as error:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            print(f"flake8-detach: cannot write the report to standard output: {error}", file=sys.stderr)
        return 2


class CannotReport(Exception):
    """Standard output is closed or full: the report did not reach the reader."""


def report_out(text: str) -> None:
    """Write `text` to standard output, all of it, or raise CannotReport. A reader that stopped
    early (`| head`) or a full disk must not pass for a run without findings (exit 0) or with
    findings (exit 1)."""
    if not text:
        return
    if sys.stdout is None:  # started with standard output closed
        raise CannotReport("it is closed")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except (OSError, ValueError) as error:  # a closed file, a broken pipe, a full disk
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # nothing more for Python to flush at exit
        raise CannotReport(getattr(error, "strerror", None) or str(error) or type(error).__name__) from None


# ---- checking files -----------------------------------------------------------------------


STDIN = "-"


def check_parser() -> argparse.ArgumentParser:
    keys = ", ".join(option.name for option in config.OPTIONS)
    parser = argparse.ArgumentParser(
        prog="flake8-detach",
        description="Find PyTorch autograd mistakes in Python files and Jupyter notebooks. "
        "`flake8-detach rule CODE` explains a rule; `flake8-detach server` runs a language server for "
        "editors.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"""\
configuration:
  The [tool.{config.TABLE}] table of the nearest pyproject.toml at or above the checked
  paths sets the options {keys} (for example `ignore = ["DET202"]`);
  an option given on the command line replaces the file's. Then the DET codes of
  ignore, extend-ignore and per-file-ignores in the [flake8] section of the setup.cfg,
  tox.ini or .flake8 that flake8 would read apply, unless the table sets them.

exit status:
  0  no findings (with --diff: nothing to fix), or --exit-zero
  1  findings (with --fix: findings left after fixing; with --diff: a diff was printed)
  2  a usage error, a bad setting, or a file that could not be checked""",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files and directories to check (default: the current directory); "
        "'-' reads the code from standard input",
    )
    config.add_arguments(parser)
    parser.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="with '-': the path of the code read from standard input, used in messages, to find "
        "pyproject.toml and match --exclude, and to tell a notebook (.ipynb) from Python",
    )
    parser.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    parser.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: apply unsafe fixes too")
    parser.add_argument(
        "--diff",
        action="store_true",
        help="print the fixes as a unified diff (a/ and b/ paths, for `git apply`) instead of writing them; "
        "takes no --format",
    )
    parser.add_argument(
        "--statistics",
        action="store_true",
        help="print how many findings each code has instead of the findings (text, or json with --format json)",
    )
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    parser.add_argument(
        "--verbose", action="store_true", help="also say on standard error what was not checked (notebook cells that are not Python)"
    )
    parser.add_argument("--version", action="version", version=f"flake8-detach {__version__}")
    return parser


def check_command(argv: Sequence[str]) -> int:
    parser = check_parser()
    args = parser.parse_args(argv)
    if args.unsafe_fixes and not (args.fix or args.diff):
        parser.error("--unsafe-fixes needs --fix or --diff")
    if "" in args.paths:
        parser.error("an empty path was given")
    if args.diff and args.format not in (None, "text"):
        parser.error("--diff prints a unified diff: it takes no --format")
    if args.statistics and args.diff:
        parser.error("--diff prints a unified diff: it takes no --statistics")
    if args.statistics and args.format not in (None, "text", "json"):
        parser.error("--statistics prints text, or json with --format json")
    reading_stdin = STDIN in args.paths
    if reading_stdin and len(args.paths) > 1:
        parser.error("'-' (standard input) must be the only PATH")
    if args.stdin_filename is not None and not reading_stdin:
        parser.error("--stdin-filename needs '-' as the PATH")
    if reading_stdin and args.fix and not args.diff:
        parser.error("--fix cannot rewrite standard input; --diff prints the fixes")
    stdin_name = os.path.normpath(args.stdin_filename) if args.stdin_filename else "stdin"
    command_line = {option.dest: getattr(args, option.dest) for option in config.OPTIONS}
    try:
        settings = config.load_settings(command_line, [stdin_name] if args.stdin_filename else args.paths)
    except config.ConfigError as error:
        parser.error(str(error))
    for warning in settings.warnings:
        print(f"flake8-detach: warning: {warning}", file=sys.stderr)
    options = RunOptions(
        rules=select(settings.select, settings.ignore, settings.extend_select),
        fix=args.fix and not args.diff,
        diff=args.diff,
        unsafe=args.unsafe_fixes,
        file_lines=settings.format != "text",
        per_file_ignores=settings.per_file_ignores,
        verbose=args.verbose,
    )
    if reading_stdin:
        files, errors = ([] if is_excluded(stdin_name, settings.exclude) else [stdin_name]), []
        try:
            options = replace(options, stdin=sys.stdin.buffer.read())  # read even when excluded: the writer is not cut off
        except (AttributeError, OSError, ValueError) as error:  # no standard input at all
            files, errors = [], [FileError(stdin_name, f"cannot read standard input: {error}")]
    else:
        files, errors = discover(args.paths or ["."], settings.exclude, settings.respect_gitignore)
    try:
        reports, stopped = run(files, options, settings.jobs), None
    except workers.Interrupted as interruption:  # report what was done
        reports, stopped = interruption.reports, interruption
    findings = [finding for report in reports for finding in report.findings]
    errors += [error for report in reports for error in report.errors]
    errors.sort(key=lambda error: error.path)  # by path, as findings are (stable: a file's own order kept)
    for error in errors:
        print(error_line(settings.format, error), file=sys.stderr)
    for note in (note for report in reports for note in report.notes):
        print(note, file=sys.stderr)
    if options.diff:
        report_out("".join(report.diff for report in reports))
    elif args.statistics:
        report_out(statistics("json" if settings.format == "json" else "text", findings, options.unsafe))
    else:
        report_out(render(settings.format, findings, errors, unsafe_fixes=options.unsafe))
    if options.fix:
        print(fix_summary(reports, findings, options.unsafe), file=sys.stderr)
    elif settings.format == "text" and not (options.diff or args.statistics):
        summary = fixable_summary(findings)
        if summary:
            print(summary, file=sys.stderr)
    if stopped:
        unchecked = len(files) - len(reports)
        print(f"flake8-detach: {stopped.reason}: {unchecked} of {len(files)} files not checked", file=sys.stderr)
        return stopped.status
    if errors or any(finding.code == PARSE_ERROR_CODE for finding in findings):
        return 2
    if args.exit_zero:
        return 0
    if options.diff:
        return 1 if any(report.diff for report in reports) else 0
    return 1 if findings else 0


def fix_summary(reports: list, remaining: list, unsafe: bool) -> str:
    fixed = sum(report.fixed for report in reports)
    files = sum(1 for report in reports if report.fixed)
    summary = f"fixed {fixed} finding{'s' * (fixed != 1)} in {files} file{'s' * (files != 1)}"
    summary += f", {len(remaining)} remaining"
    unsafe_left = sum(1 for finding in remaining if finding.fix_safety == "unsafe")
    if unsafe_left and not unsafe:
        summary += f" ({unsafe_left} fixable with --unsafe-fixes)"
    return summary


def fixable_summary(findings: list) -> str:
    """What --fix would fix, and --unsafe-fixes besides, after a check; "" when no finding has
    a safe fix (a line after every run with unsafe fixes only would be noise on standard error,
    which otherwise holds only the files that could not be checked)."""
    safe = sum(1 for finding in findings if finding.fix_safety == "safe")
    unsafe = sum(1 for finding in findings if finding.fix_safety == "unsafe")
    if not safe:
        return ""
    return f"{safe} fixable with --fix" + (f" ({unsafe} fixable with --unsafe-fixes)" if unsafe else "")


def discover(paths: Sequence[str], exclude: Sequence[str], respect_gitignore: bool = True) -> tuple:
    """The files to check, sorted, and errors for paths that do not exist, directories that
    cannot be listed and, while walking, entries that are not regular files (a FIFO would
    block the run forever). Symbolic links to directories are not followed while walking, so
    a link loop cannot make the walk endless; a link loop or dangling link named `*.py` is
    kept, and reading it reports the problem. While walking, what git ignores is passed over
    unless `respect_gitignore` is false; a path given is checked, ignored or not."""
    files, errors = set(), []
    for given in paths:
        if is_excluded(given, exclude):
            continue
        if os.path.isdir(given):
            walk_errors: list = []
            ignores = {given: Ignores.at(given) if respect_gitignore else Ignores()}  # by directory walked
            for root, directories, names in os.walk(given, onerror=walk_errors.append):
                ignored = ignores.pop(root)
                directories[:] = [
                    name
                    for name in directories
                    if not is_skipped_directory(os.path.join(root, name))
                    and not is_excluded(os.path.join(root, name), exclude)
                    and not ignored.ignores(os.path.join(root, name), is_directory=True)
                ]
                for name in directories:
                    directory = os.path.join(root, name)
                    ignores[directory] = ignored.entering(directory) if respect_gitignore else ignored
                for name in names:
                    path = os.path.join(root, name)
                    if (
                        name.endswith(CHECKED_SUFFIXES)
                        and not is_excluded(path, exclude)
                        and not ignored.ignores(path, is_directory=False)
                    ):
                        problem = not_a_regular_file(path)
                        if problem:
                            errors.append(FileError(os.path.normpath(path), problem))
                        else:
                            files.add(os.path.normpath(path))
            for error in walk_errors:
                where = os.path.normpath(error.filename or given)
                errors.append(FileError(where, f"cannot list this directory: {error.strerror or error}"))
        elif os.path.lexists(given):
            files.add(os.path.normpath(given))  # named explicitly: checked whatever its suffix
        else:
            errors.append(FileError(given, "no such file or directory"))
    return _each_file_once(sorted(files)), sorted(set(errors), key=lambda error: error.path)


def _each_file_once(files: list) -> list:
    """The files, but for a second name of a file already listed (a symbolic link to it, or a
    path through one): checking, and fixing, one file twice would race with itself."""
    seen, kept = set(), []
    for path in files:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            kept.append(path)
    return kept


def not_a_regular_file(path: str) -> Optional[str]:
    """Why a file found while walking is not checked, or None to check it (reading a dangling
    link or a link loop then reports that)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    return writing.not_regular(mode)


def is_skipped_directory(path: str) -> bool:
    return os.path.basename(path) in SKIPPED_DIRECTORIES or os.path.exists(os.path.join(path, "pyvenv.cfg"))


def is_excluded(path: str, patterns: Sequence[str]) -> bool:
    """flake8's matching, applied to the directories a path is in too, so that an excluded
    directory also covers the files named inside it (pre-commit names every file): a pattern
    without '/' matches the name of the file or of a directory it is in, below the current
    directory (or below the `..` steps out of it); one with '/' matches the absolute path of
    the file or of a directory it is in."""
    if not patterns:
        return False
    absolute = os.path.abspath(path)
    names = [part for part in os.path.relpath(absolute).split(os.sep) if part not in (os.curdir, os.pardir)]
    paths = [absolute.replace(os.sep, "/")]
    while os.path.dirname(absolute) != absolute:
        absolute = os.path.dirname(absolute)
        paths.append(absolute.replace(os.sep, "/"))
    return any(
        any(fnmatch(candidate, pattern) for candidate in (paths if "/" in pattern else names)) for pattern in patterns
    )


def run(files: list, options: RunOptions, jobs: int) -> list:
    """Each file's report, in the order of `files` whatever the number of jobs.

    Files are checked in worker processes: libcst's native parser (and CPython's) can crash
    the process on pathological nesting, and such a file must not end the run. When a worker
    dies, the files it left unchecked are run in one worker, which takes them in order: the
    first one it leaves unchecked is the one that kills it, and the rest go back to `jobs`
    workers. With one job a crashing file is run once; with more, once more in each parallel
    round that another crash cut short (a parallel round that ends in a crash cannot tell which
    of its unfinished files had started).

    At most one worker per usable CPU: more only cost memory. On SIGINT or SIGTERM,
    workers.Interrupted holds the reports of the files checked, in order."""
    reports: dict = {}
    pending = list(files)
    jobs = min(jobs, workers.usable_cpus())
    try:
        while pending:
            if jobs > 1:
                pending = workers.check_in_workers(check_file, pending, options, jobs, reports)
            if pending:
                pending = workers.check_in_workers(check_file, pending, options, 1, reports)
            if pending:
                culprit, pending = pending[0], pending[1:]
                reports[culprit] = FileReport(errors=[FileError(culprit, CRASH)])
    except workers.Interrupted as interruption:
        interruption.reports = [reports[path] for path in files if path in reports]
        raise
    except (OSError, NotImplementedError, ImportError):  # no process support here: check in this one
        for path in files:
            if path not in reports:
                reports[path] = check_file(path, options)
    return [reports[path] for path in files]


CRASH = "the parser crashed on this file (nesting too deep, or out of memory?); not checked"


def check_file(path: str, options: RunOptions) -> FileReport:
    skipped = config.per_file_ignored(path, options.per_file_ignores)
    if skipped:  # neither checked nor fixed in this file
        options = replace(options, rules=tuple(rule for rule in options.rules if not rule.code.startswith(skipped)))
    try:
        raw = writing.read_bytes(path) if options.stdin is None else options.stdin
    except writing.NotChecked as error:  # a named pipe or a device: reading it could never end
        return FileReport(errors=[FileError(path, str(error))])
    except OSError as error:
        return FileReport(errors=[FileError(path, f"cannot read: {error.strerror or error}")])
    try:
        if path.endswith(".ipynb"):
            return check_notebook(path, raw, options)
        return check_python(path, raw, options)
    except MemoryError:
        return FileReport(errors=[FileError(path, "not checked: not enough memory to analyse it")])
    except Exception as error:  # one odd file must not end the run
        return FileReport(errors=[FileError(path, f"internal error: {type(error).__name__}: {error} (a bug)")])


BOM = b"\xef\xbb\xbf"


def decode(raw: bytes) -> tuple:
    """(encoding, text) of a Python file as Python reads it: a UTF-8 BOM, else a PEP 263 coding
    line, else UTF-8. ValueError with a one-line reason when it cannot be read as text."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    except SyntaxError as error:
        reason = str(error.msg if hasattr(error, "msg") else error)
        if raw.startswith(BOM) and reason.startswith("encoding problem"):
            reason = "the file starts with a UTF-8 byte order mark but its coding line names another encoding"
        elif reason.startswith("invalid or missing encoding declaration"):
            reason = undecodable_first_lines(raw) or reason
        raise ValueError(reason) from None
    try:
        return encoding, raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ValueError(f"{error} (line {line})") from None
    except (LookupError, UnicodeError) as error:  # not a text encoding (`rot13`), or idna's own errors
        raise ValueError(str(error)) from None


UTF_16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def undecodable_first_lines(raw: bytes) -> Optional[str]:
    """What keeps the first two lines, where a coding line would be, from being read."""
    if raw.startswith(UTF_16_BOMS):
        return (
            "it looks like UTF-16 (it starts with a UTF-16 byte order mark), and Python reads "
            "source code only as UTF-8 or as what a coding line names"
        )
    first_lines = b"\n".join(raw.split(b"\n", 2)[:2])
    try:
        first_lines.decode("utf-8")
    except UnicodeDecodeError as error:
        line = first_lines[: error.start].count(b"\n") + 1
        byte = first_lines[error.start]
        return f"byte 0x{byte:02x} on line {line} is not UTF-8, and no coding line names another encoding"
    return None


def on_disk_path(path: str, options: RunOptions) -> Optional[str]:
    """Where the checked code lies, for reading the project's modules it imports: its path, or
    the path --stdin-filename gives; None for standard input without one."""
    return None if options.stdin is not None and path == "stdin" else path


def lint(source: str, options: RunOptions, path: Optional[str] = None) -> list:
    return unsilenced(check_source(source, options.rules, path=path), source)


def check_python(path: str, raw: bytes, options: RunOptions) -> FileReport:
    try:
        encoding, source = decode(raw)
    except ValueError as error:
        return FileReport(errors=[FileError(path, f"cannot decode: {error}")])
    on_disk = on_disk_path(path, options)
    violations = lint(source, options, on_disk)
    checked = source  # the code the violations are in
    report = FileReport()
    if (options.fix or options.diff) and any(v.fix for v in violations):
        result = fix_source(source, options.rules, options.unsafe, on_disk)
        if result.rejected:
            report.errors.append(FileError(path, result.rejected))
        if result.source != source and not unparsable(path, result.source, report):
            fixed_violations = lint(result.source, options, on_disk)
            if options.diff:
                report.diff = unified_diff(source, result.source, path)
                report.fixed = count_fixed(violations, fixed_violations)
            elif write(path, result.source, encoding, source, raw, report):
                report.fixed = count_fixed(violations, fixed_violations)
                violations, checked = fixed_violations, result.source
    lines = source_lines(checked) if violations else []
    report.findings = [finding_at(path, v, v.line, end=end_of(v, lines)) for v in violations]
    return report


def unparsable(path: str, fixed: str, report: FileReport) -> bool:
    """Whether fixed code fails to parse (reported: it is a bug); such code is never written."""
    if parses_as_python(fixed):
        return False
    report.errors.append(FileError(path, "the fixes made code that does not parse; nothing written (a bug)"))
    return True


def write(path: str, fixed: str, encoding: str, source: str, raw: bytes, report: FileReport) -> bool:
    """Write the fixed text over the file read as `raw` and decoded as `source`; on failure
    report it, leave the file as it was and return False. An encoding that does not turn
    `source` back into `raw` (unicode_escape, utf-7, idna...) would change lines the fixes did
    not touch, so such a file is not written."""
    try:
        if workers.stopping():  # Ctrl-C: a write under way finishes, but none begins
            raise writing.CannotWrite("the run was interrupted before they were written")
        if not encodes_back(source, encoding, raw):
            raise writing.CannotWrite(
                f"its encoding ({encoding}) does not give back the bytes it was read from; the file is left as it was"
            )
        writing.write_fixes(path, fixed.encode(encoding), raw)
    except (writing.CannotWrite, UnicodeError) as error:
        problem = str(error)
    except OSError as error:
        problem = error.strerror or str(error)
    else:
        return True
    report.errors.append(FileError(path, f"cannot write the fixes: {problem}"))
    return False


def encodes_back(text: str, encoding: str, raw: bytes) -> bool:
    try:
        return text.encode(encoding) == raw
    except UnicodeError:  # idna cannot encode every text it decodes
        return False


def check_notebook(path: str, raw: bytes, options: RunOptions) -> FileReport:
    try:
        notebook = Notebook(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        return FileReport(errors=[FileError(path, f"cannot decode: {error}")])
    except NotebookError as error:
        return FileReport(errors=[FileError(path, str(error))])
    violations = lint_notebook(notebook, options, on_disk_path(path, options))
    report = FileReport()
    if options.verbose:
        report.notes = [f"{printable(path)}: cell_{number} not checked: a %%{magic} cell is not Python"
                        for number, magic in notebook.skipped]
    if (options.fix or options.diff) and any(v.fix for v in violations):
        fixed_notebook = fix_notebook(path, notebook, options, report)
        if fixed_notebook is not None:
            text, changed = fixed_notebook
            fixed_violations = lint_notebook(Notebook(text), options, on_disk_path(path, options))
            if options.diff:
                report.fixed = count_fixed(violations, fixed_violations)
                report.diff = "".join(
                    unified_diff(cell.text, code, f"{path}:cell_{cell.number}") for cell, code in changed
                )
            elif write(path, text, "utf-8", notebook.text, raw, report):
                report.fixed = count_fixed(violations, fixed_violations)
                notebook = Notebook(text)
                violations = fixed_violations
    lines = source_lines(notebook.source) if violations else []
    for violation in violations:
        cell, line = notebook.locate(violation.line)
        file_line = notebook.file_line(cell, line) if options.file_lines else None
        end = end_of(violation, lines)
        if end is not None:
            end_cell, end_line = notebook.locate(end[0])
            end = (end_line, notebook.column(cell, end_line, end[1])) if end_cell == cell else None
        violation = replace(violation, col=notebook.column(cell, line, violation.col))
        report.findings.append(finding_at(path, violation, line, cell, file_line, end))
    return report


def fix_notebook(path: str, notebook: Notebook, options: RunOptions, report: FileReport):
    """(the notebook's fixed text, [(cell, its new code)]), or None when nothing is to be
    written. Each run of cells that parse is fixed on its own, and the result is checked
    against the original cell by cell: only cells holding a node that a fix replaced may
    change, and every other cell, with its outputs and metadata, stays as it was read.
    Anything else is an error, and nothing is written."""
    segments = notebook.segments()
    fixed_sources, touched = [], set()
    fixable = notebook.fixable_lines if any(cell.ported for cell in notebook.cells) else None
    for segment in segments:
        result = fix_source(segment.source, options.rules, options.unsafe, on_disk_path(path, options), fixable)
        if result.rejected:
            report.errors.append(FileError(path, result.rejected))
        if unparsable(path, result.source, report):
            return None
        fixed_sources.append(result.source)
        touched |= notebook.cells_touched(result.touched)
    try:
        merged = notebook.merged(segments, fixed_sources)
        changed = notebook.changed_cells(merged)
        text = notebook.with_source(merged)
    except NotebookError as error:
        report.errors.append(FileError(path, str(error)))
        return None
    if not changed:
        return None
    numbers = {cell.number for cell, _ in changed}
    problem = notebook.unchanged_but(text, numbers)
    if problem is None and not numbers <= touched:
        problem = f"cell {min(numbers - touched)} changed, though no fix was made in it"
    if problem is not None:
        report.errors.append(FileError(path, f"{problem}; nothing written (a bug)"))
        return None
    return text, changed


def lint_notebook(notebook: Notebook, options: RunOptions, path: Optional[str] = None) -> list:
    """The findings in each run of cells that parse, and a DET000 at each cell that does not;
    the findings in a cell of Python 2 (ported) carry no fix."""
    ported = {cell.number for cell in notebook.cells if cell.ported}
    violations = [
        replace(v, fix=None) if ported and notebook.locate(v.line)[0] in ported else v
        for segment in notebook.segments() for v in lint(segment.source, options, path)
    ]
    violations += [
        parse_failure(f"cannot parse this cell: {cell.broken}", cell.first_line, 0) for cell in notebook.broken_cells()
    ]
    return sorted(violations, key=lambda v: (v.line, v.col, v.code))


def count_fixed(before: list, after: list) -> int:
    """How many findings are gone. Compared by code and message, since a fix may move lines;
    a finding a fix reveals (a `.detach()` alias written in place) counts as a new one."""
    gone = Counter((v.code, v.message) for v in before) - Counter((v.code, v.message) for v in after)
    return sum(gone.values())


def finding_at(
    path: str, violation, line: int, cell: Optional[int] = None, file_line: Optional[int] = None, end=None
):
    fix = violation.fix
    return Finding(
        path=path,
        line=line,
        col=violation.col,
        end_line=end[0] if end else None,
        end_col=end[1] if end else None,
        code=violation.code,
        message=violation.message,
        cell=cell,
        file_line=file_line,
        fix_safety=fix.safety if fix else None,
        fix_title=fix.title if fix else None,
    )


LINE_BREAK = re.compile(r"\r\n?|\n")  # the line breaks that libcst and the engine count


def source_lines(source: str) -> list:
    """The source's lines without their line breaks."""
    return LINE_BREAK.split(source)


def end_of(violation, lines: Sequence[str]) -> Optional[tuple]:
    """(line, col) just past the code a violation is about, col 0-based like its start; None
    for DET000 and for a node that is not an expression, argument or simple statement.

    The engine places a violation where its node starts; rendering the node alone tells how
    far it reaches. Its first line's columns shift by where it starts; a later line keeps its
    own, except that code continued inside brackets is rendered without the indentation of
    the enclosing block, which the file's line gives back. Both ends are checked against the
    file's lines (`lines`): where they do not match, None."""
    module = _module_of(violation.node)
    if module is None:
        return None
    from libcst.metadata import MetadataWrapper, PositionProvider

    span = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)[violation.node]
    rendered = LINE_BREAK.split(module.code)
    start_line, start_col = violation.line, violation.col
    end_line = start_line + span.end.line - span.start.line
    if end_line > len(lines):
        return None
    head = rendered[span.start.line - 1][span.start.column :]
    if span.start.line == span.end.line:
        head = head[: span.end.column - span.start.column]
        end_col = start_col + len(head)
    else:
        tail = rendered[span.end.line - 1][: span.end.column]
        line = lines[end_line - 1]
        if line.startswith(tail):
            end_col = len(tail)
        else:  # the block's indentation, then the rendered line without its leading blanks
            end_col = len(line) - len(line.lstrip(" \t\f")) + len(tail.lstrip(" \t\f"))
        if not line[:end_col].endswith(tail.lstrip(" \t\f")):
            return None
    if not lines[start_line - 1][start_col:].startswith(head):
        return None
    return end_line, end_col


def _module_of(node):
    """A module holding only `node` (a libcst node), from its first character; None for a
    node that does not stand alone like this."""
    import libcst as cst

    if isinstance(node, cst.Arg):
        node = cst.Call(func=cst.Name("f"), args=[node])
    if isinstance(node, cst.BaseExpression):
        node = cst.Expr(value=node)
    if isinstance(node, cst.BaseSmallStatement):
        node = cst.SimpleStatementLine(body=[node])
    return cst.Module(body=[node]) if isinstance(node, cst.SimpleStatementLine) else None


def unified_diff(old: str, new: str, name: str) -> str:
    """git's layout: `--- a/NAME` and `+++ b/NAME`, so that `git apply` and `patch -p1` take it;
    lines end at LF only, as patch and git read them."""
    lines = difflib.unified_diff(lf_lines(old), lf_lines(new), f"a/{name}", f"b/{name}")
    # A last line without a newline gets git's marker, so the diff stays line-oriented.
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def tolerate_odd_characters() -> None:
    """Paths are printed as the file system gives them: a name that is not valid UTF-8 is
    written back as its original bytes, and a character the terminal's encoding lacks as a
    backslash escape, instead of ending the run with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            with contextlib.suppress(Exception):
                stream.reconfigure(errors=OUTPUT_ERRORS)


def _encode_leniently(error: UnicodeError):
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    if all(0xDC80 <= ord(char) <= 0xDCFF for char in text):  # surrogateescape'd bytes
        return bytes(ord(char) - 0xDC00 for char in text), error.end
    return text.encode("ascii", "backslashreplace").decode("ascii"), error.end


OUTPUT_ERRORS = "flake8-detach-output"
codecs.register_error(OUTPUT_ERRORS, _encode_leniently)


# ---- flake8-detach rule -------------------------------------------------------------------


def rule_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="flake8-detach rule", description="Explain a rule, or list them all.")
    parser.add_argument("rule", nargs="?", metavar="CODE", help="a rule's code (DET101) or name (inplace-on-detached)")
    parser.add_argument("--all", action="store_true", help="list every rule: code, name, message")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    if args.all == (args.rule is not None):
        parser.error("give one rule code, or --all")
    if args.all:
        if args.format == "json":
            print(json.dumps([rule_summary(rule) for rule in RULES], indent=2))
        else:
            width = max(len(rule.name) for rule in RULES)
            for rule in RULES:
                print(f"{rule.code}  {rule.name:<{width}}  {rule.message}")
        return 0
    wanted = args.rule.strip()
    if wanted.upper() == PARSE_ERROR_CODE or wanted.lower() == PARSE_ERROR_NAME:
        return parse_error_command(args.format)
    matches = [rule for rule in RULES if wanted.upper() == rule.code or wanted.lower() == rule.name]
    if not matches:
        print(f"flake8-detach rule: error: no rule {wanted!r}; `flake8-detach rule --all` lists them", file=sys.stderr)
        return 2
    rule = matches[0]
    if args.format == "json":
        print(json.dumps({**rule_summary(rule), "doc": rule_doc(rule)}, indent=2))
    else:
        sys.stdout.write(rule_doc(rule))
    return 0


def parse_error_command(format: str) -> int:
    """`flake8-detach rule DET000`: the code is no rule, but it is explained like one."""
    if format == "json":
        summary = {"code": PARSE_ERROR_CODE, "name": PARSE_ERROR_NAME, "message": "cannot parse this file: {reason}",
                   "fix_safety": None, "fix_title": None}
        print(json.dumps({**summary, "doc": parse_error_doc()}, indent=2))
    else:
        sys.stdout.write(parse_error_doc())
    return 0


def rule_summary(rule) -> dict:
    return {
        "code": rule.code,
        "name": rule.name,
        "message": rule.message,
        "fix_safety": rule.fix_safety,
        "fix_title": rule.fix_title,
    }


# ---- flake8-detach server -----------------------------------------------------------------

SERVER_PACKAGES = ("pygls", "lsprotocol")


def server_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="flake8-detach server",
        description="Run a language server (LSP) over standard input and output, for editors: "
        "diagnostics, quick fixes and fix-all for Python files and notebooks.",
    )
    parser.parse_args(argv)
    try:
        from . import server
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] not in SERVER_PACKAGES:
            raise
        message = "flake8-detach server: needs pygls; install it with: pip install 'flake8-detach[server]'"
        print(message, file=sys.stderr)
        return 2
    return server.main()
