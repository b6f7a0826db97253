"""The CLI's settings, declared once: each option is a `--name` flag and a `name` key in the
`[tool.flake8-detach]` table of the nearest pyproject.toml; the command line wins.

None of these is registered with flake8: flake8 has its own select, ignore, exclude, format
and jobs, which already apply to this plugin's codes. An option that changed the analysis
itself would be declared here too and registered with flake8 as `--detach-NAME`.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
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
    Option("format", parse_format, "text", "FORMAT", f"output format: {', '.join(FORMATS)} (default: text)"),
    Option("jobs", parse_jobs, 1, "N", "check N files in parallel, at most one per CPU (default: 1)", short="-j"),
)


@dataclass(frozen=True)
class Settings:
    select: Optional[tuple]
    extend_select: tuple
    ignore: tuple
    exclude: tuple  # names (no '/') or absolute path globs
    format: str
    jobs: int
    config: Optional[Path]  # the pyproject.toml read, if any


def add_arguments(parser) -> None:
    """Declare every option on an argparse parser; an option not given stays None."""
    for option in OPTIONS:
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


def load_settings(command_line: dict, paths: Sequence[str]) -> Settings:
    """Settings from the command line (values not given are None), then the config file
    found above the checked paths, then the defaults."""
    found = find_config(search_start(paths))
    config_path, table = found if found else (None, {})
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
        else:
            values[option.dest] = option.default
            base = Path.cwd()
        if option.name == "exclude":
            values["exclude"] = tuple(_anchored(pattern, base) for pattern in values["exclude"])
    return Settings(config=config_path, **values)


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
