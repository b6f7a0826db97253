"""The CLI's settings, declared once: each option is a `--name` flag and a `name` key in the
`[tool.flake8-detach]` table of the nearest pyproject.toml; the command line wins. The DET
entries of the repository's flake8 configuration (`ignore`, `extend-ignore`, `per-file-ignores`)
come last, so that a repository configures its ignores once for both front ends.

None of these is registered with flake8: flake8 has its own select, ignore, exclude, format
and jobs, which already apply to this plugin's codes. An option that changed the analysis
itself would be declared here too and registered with flake8 as `--detach-NAME`.
"""

from __future__ import annotations

import configparser
import os
import re
import sys
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import Callable, Optional, Sequence

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python < 3.11 only
    import tomli as tomllib

from .report import FORMATS

TABLE = "flake8-detach"
CODE_PREFIX = re.compile(r"^[A-Z]{1,3}[0-9]{0,3}$", re.ASCII)  # what flake8 accepts in --select


class ConfigError(Exception):
    """A bad setting, on the command line or in pyproject.toml."""


def _strings(value, what: str) -> tuple:
    """A comma-separated string (command line, flake8 style) or a TOML list of strings."""
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        items = value
    else:
        raise ConfigError(f"expected {what} as a list of strings or a comma-separated string, got {value!r}")
    return tuple(item.strip() for item in items if item.strip())


def parse_codes(value) -> tuple:
    codes = _strings(value, "codes")
    for code in codes:
        if not CODE_PREFIX.match(code):
            raise ConfigError(f"{code!r} is not a code or code prefix like DET101 or DET2")
    return codes


def parse_selection(value) -> tuple:
    """Codes to select: at least one, since an empty selection would turn every rule off
    without a word. (A selection of other tools' codes, `E501`, is accepted, as flake8 does.)"""
    codes = parse_codes(value)
    if not codes:
        raise ConfigError("an empty selection checks nothing; leave select out to check the default rules")
    return codes


def parse_globs(value) -> tuple:
    return _strings(value, "glob patterns")


def parse_per_file_ignores(value) -> tuple:
    """((glob, codes), ...) from a TOML table (`"tests/*" = ["DET101"]`) or flake8's
    `glob:codes glob,glob:codes` string (command line, flake8 configuration)."""
    if isinstance(value, dict):
        entries = [(pattern, _parse_entry_codes(codes, pattern)) for pattern, codes in value.items()]
    elif isinstance(value, str):
        entries = [(pattern, _parse_entry_codes(codes, pattern)) for pattern, codes in files_to_codes(value)]
    else:
        raise ConfigError(f"expected a table of glob = codes, or flake8's 'glob:codes' pairs, got {value!r}")
    return tuple(entries)


def _parse_entry_codes(codes, pattern: str) -> tuple:
    try:
        return parse_codes(codes)
    except ConfigError as error:
        raise ConfigError(f"{pattern!r}: {error}") from None


# flake8's files-to-codes syntax: a colon, runs of commas and blanks, or a word.
FILES_TO_CODES_TOKEN = re.compile(r"\s*:\s*|[\s,]+|[^\s:,]+")
FLAKE8_CODE = re.compile(r"[A-Z]+[0-9]*")


def files_to_codes(text: str) -> list:
    """flake8's per-file-ignores syntax: `glob[,glob...]:code[,code...]` pairs separated by
    commas or blanks; a glob after codes starts the next pair. [(glob, [codes]), ...] in order,
    a glob with no codes left out as flake8 does."""
    entries: list = []
    globs: list = []
    codes: list = []
    after_colon = False
    for token in FILES_TO_CODES_TOKEN.findall(text):
        word = token.strip(" \t\n\r\f\v,")
        if not word and ":" not in token:
            continue  # a separator
        if ":" in token:
            if after_colon or not globs:
                raise ConfigError(f"expected 'glob:codes' pairs, got {text.strip()!r}")
            after_colon = True
        elif after_colon and FLAKE8_CODE.fullmatch(word):
            codes.append(word)
        elif after_colon:
            entries += [(glob, codes) for glob in globs if codes]
            globs, codes, after_colon = [word], [], False
        else:
            globs.append(word)
    if globs and not after_colon:
        raise ConfigError(f"expected 'glob:codes' pairs, got {text.strip()!r}")
    return entries + [(glob, codes) for glob in globs if codes]


def parse_switch(value) -> bool:
    if isinstance(value, bool):
        return value
    raise ConfigError(f"expected true or false, got {value!r}")


def parse_format(value) -> str:
    if value not in FORMATS:
        raise ConfigError(f"unknown format {value!r}; choose one of {', '.join(FORMATS)}")
    return value


def parse_jobs(value) -> int:
    """A whole number of at least 1: `4` on the command line, `jobs = 4` in TOML (not `2.9`,
    `inf` or `true`)."""
    if isinstance(value, str) and value.strip().isdigit():
        jobs = int(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        jobs = value
    else:
        jobs = 0
    if jobs < 1:
        raise ConfigError(f"jobs must be a whole number of at least 1, got {value!r}")
    return jobs


@dataclass(frozen=True)
class Option:
    name: str  # `--name` on the command line, `name` in [tool.flake8-detach]
    parse: Callable  # a command-line string or a TOML value -> the setting; raises ConfigError
    default: object
    metavar: str
    help: str
    short: Optional[str] = None
    switch_off: bool = False  # a true-or-false setting the command line turns off only, as `--no-NAME`

    @property
    def dest(self) -> str:
        return self.name.replace("-", "_")


OPTIONS = (
    Option(
        "select",
        parse_selection,
        None,
        "CODES",
        "check only codes starting with these prefixes, in either tier (default: the default tier)",
    ),
    Option("extend-select", parse_codes, (), "CODES", "also check codes starting with these prefixes (opt-in rules)"),
    Option("ignore", parse_codes, (), "CODES", "skip codes starting with these prefixes"),
    Option(
        "exclude",
        parse_globs,
        (),
        "GLOBS",
        "skip files and directories matching these globs, besides the default ones "
        "(.git, virtual environments, site-packages, build, __pycache__, .tox, ...)",
    ),
    Option(
        "per-file-ignores",
        parse_per_file_ignores,
        (),
        "PAIRS",
        "skip codes in the files matching a glob, flake8's pairs: 'tests/*:DET101,DET2 scripts/*.py:DET5'",
    ),
    Option(
        "respect-gitignore",
        parse_switch,
        True,
        "",
        "walk into the files and directories that .gitignore files ignore too",
        switch_off=True,
    ),
    Option("format", parse_format, "text", "FORMAT", f"output format: {', '.join(FORMATS)} (default: text)"),
    Option("jobs", parse_jobs, 1, "N", "check N files in parallel, at most one per CPU (default: 1)", short="-j"),
)


@dataclass(frozen=True)
class Settings:
    select: Optional[tuple]
    extend_select: tuple
    ignore: tuple
    exclude: tuple  # names (no '/') or absolute path globs
    per_file_ignores: tuple  # ((a name glob or an absolute path glob, codes), ...)
    respect_gitignore: bool
    format: str
    jobs: int
    config: Optional[Path]  # the pyproject.toml read, if any
    warnings: tuple = ()  # one line each, for standard error


def add_arguments(parser) -> None:
    """Declare every option on an argparse parser; an option not given stays None."""
    for option in OPTIONS:
        if option.switch_off:
            parser.add_argument(
                f"--no-{option.name}", dest=option.dest, action="store_const", const=False, default=None, help=option.help
            )
            continue
        flags = [f"--{option.name}"] + ([option.short] if option.short else [])
        parser.add_argument(*flags, dest=option.dest, default=None, metavar=option.metavar, help=option.help)


def find_config(start: Path) -> Optional[tuple]:
    """The nearest pyproject.toml at or above `start` with a [tool.flake8-detach] table,
    as (path, table); None when there is none."""
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if not candidate.is_file():
            continue
        try:
            data = tomllib.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise ConfigError(f"{candidate}: cannot read: {error}") from None
        except RecursionError:
            raise ConfigError(f"{candidate}: cannot read: nested too deeply") from None
        tool = data.get("tool", {})
        table = tool.get(TABLE) if isinstance(tool, dict) else None  # `tool = 1` is another tool's business
        if table is not None:
            if not isinstance(table, dict):
                raise ConfigError(f"{candidate}: [tool.{TABLE}] must be a table")
            return candidate, table
    return None


# What flake8 reads from the first of these files, in each directory from the checked paths
# up, that has a [flake8] section.
FLAKE8_CONFIG_FILES = ("setup.cfg", "tox.ini", ".flake8")
FLAKE8_SECTION = "flake8"
DETACH_CODES = "DET"
FLAKE8_LIST_SEPARATOR = re.compile(r"[,\s]")  # flake8 splits its lists at commas and blanks


def find_flake8_config(start: Path) -> tuple:
    """(path, section, warnings): the flake8 configuration flake8 would find from `start`
    and its [flake8] section, or (None, {}, warnings). As flake8 does, a file that is not
    valid INI is passed over (with a warning here) and the search stops below the home
    directory."""
    try:
        home = Path.home()
    except (RuntimeError, KeyError):  # no home directory known
        home = None
    warnings = []
    for directory in (start, *start.parents):
        if directory == home:
            break
        for name in FLAKE8_CONFIG_FILES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            parser = configparser.RawConfigParser()
            try:
                parser.read(candidate, encoding="utf-8")
            except (configparser.Error, UnicodeDecodeError, OSError) as error:
                first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
                warnings.append(f"{candidate}: passed over, not valid INI: {first_line}")
                continue
            if parser.has_section(FLAKE8_SECTION) or parser.has_section("flake8:local-plugins"):
                section = dict(parser.items(FLAKE8_SECTION)) if parser.has_section(FLAKE8_SECTION) else {}
                return candidate, {key.replace("_", "-"): value for key, value in section.items()}, warnings
    return None, {}, warnings


def flake8_settings(path: Path, section: dict) -> dict:
    """The settings a flake8 configuration gives the command, by option name: its DET codes
    and prefixes only (flake8's `ignore = E501` turns nothing on or off here). Codes shorter
    than `DET` (`D` for pydocstyle) are left to the other tools."""
    where = f"{path}: [{FLAKE8_SECTION}]"
    settings = {}
    ignored = []
    for key in ("ignore", "extend-ignore"):
        if key in section:
            ignored += _detach_codes(FLAKE8_LIST_SEPARATOR.split(section[key]), f"{where} {key}")
    if ignored:
        settings["ignore"] = tuple(ignored)
    if "per-file-ignores" in section:
        try:
            pairs = files_to_codes(section["per-file-ignores"])
        except ConfigError as error:
            raise ConfigError(f"{where} per-file-ignores: {error}") from None
        # Pairs without DET codes stay: as in flake8, only the longest glob matching a file counts.
        entries = tuple((glob, _detach_codes(codes, f"{where} per-file-ignores")) for glob, codes in pairs)
        if any(codes for _, codes in entries):
            settings["per-file-ignores"] = entries
    return settings


def _detach_codes(codes, where: str) -> tuple:
    kept = tuple(code.strip() for code in codes if code.strip().startswith(DETACH_CODES))
    for code in kept:
        if not CODE_PREFIX.match(code):
            raise ConfigError(f"{where}: {code!r} is not a code or code prefix like DET101 or DET2")
    return kept


def per_file_ignored(path: str, per_file_ignores: Sequence) -> tuple:
    """The codes per-file-ignores skips in a file, as flake8 decides: of the globs matching the
    file's name or its absolute path, only the longest counts."""
    name = os.path.basename(path)
    absolute = os.path.abspath(path).replace(os.sep, "/")
    matching = [(glob, codes) for glob, codes in per_file_ignores if fnmatch(name, glob) or fnmatch(absolute, glob)]
    return max(matching, key=lambda entry: len(entry[0]))[1] if matching else ()


def load_settings(command_line: dict, paths: Sequence[str]) -> Settings:
    """Settings from the command line (values not given are None), then the config file
    found above the checked paths, then the DET entries of the flake8 configuration found
    there, then the defaults."""
    start = search_start(paths)
    found = find_config(start)
    config_path, table = found if found else (None, {})
    flake8_path, section, warnings = find_flake8_config(start)
    from_flake8 = flake8_settings(flake8_path, section) if flake8_path else {}
    known = {option.name for option in OPTIONS}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(
            f"{config_path}: unknown option {unknown[0]!r} in [tool.{TABLE}]; known: {', '.join(sorted(known))}"
        )
    values = {}
    for option in OPTIONS:
        if command_line.get(option.dest) is not None:
            values[option.dest] = _parse(option, command_line[option.dest], f"--{option.name}")
            base = Path.cwd()
        elif option.name in table:
            values[option.dest] = _parse(option, table[option.name], f"{config_path}: {option.name}")
            base = config_path.parent
        elif option.name in from_flake8:
            values[option.dest] = from_flake8[option.name]
            base = flake8_path.parent
        else:
            values[option.dest] = option.default
            base = Path.cwd()
        if option.name == "exclude":
            values["exclude"] = tuple(_anchored(pattern, base) for pattern in values["exclude"])
        if option.name == "per-file-ignores":
            values["per_file_ignores"] = tuple((_anchored(glob, base), codes) for glob, codes in values["per_file_ignores"])
    return Settings(config=config_path, warnings=tuple(warnings), **values)


def _parse(option: Option, value, where: str):
    try:
        return option.parse(value)
    except ConfigError as error:
        raise ConfigError(f"{where}: {error}") from None


def _anchored(pattern: str, base: Path) -> str:
    """A pattern with a '/' is a path relative to where it was written (as in flake8)."""
    if "/" not in pattern:
        return pattern
    return os.path.normpath(os.path.join(base, pattern)).replace(os.sep, "/")


def search_start(paths: Sequence[str]) -> Path:
    """Where the config search starts: the deepest directory holding every checked path."""
    if not paths:
        return Path.cwd()
    absolute = [os.path.abspath(path) for path in paths]
    common = Path(os.path.commonpath(absolute))
    return common if common.is_dir() else common.parent
