"""Output formats: text (flake8's), json, sarif (SARIF 2.1.0 for GitHub code scanning) and
github (workflow annotations)."""

from __future__ import annotations

import functools
import json
import os
import re
from collections import Counter
from dataclasses import asdict, dataclass, replace
from importlib import metadata
from pathlib import PurePath
from typing import Optional, Sequence
from urllib.parse import quote

from .. import __version__
from ..docs import PARSE_ERROR_CODE, PARSE_ERROR_NAME, PARSE_ERROR_WHAT, PARSE_ERROR_WHY, parse_error_doc, rule_doc
from ..findings import SAFE
from ..rules import RULES

FORMATS = ("text", "json", "sarif", "github")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


@dataclass(frozen=True)
class Finding:
    path: str  # as shown to the user: relative to the working directory, or absolute
    line: int  # 1-based, in the file or, for a notebook, in the cell
    col: int  # 0-based, as the engine reports it (shown 1-based, as flake8 does)
    code: str
    message: str
    cell: Optional[int] = None  # notebooks: the 1-based number of the code cell
    file_line: Optional[int] = None  # notebooks: the line of the .ipynb file holding that code line
    fix_safety: Optional[str] = None  # "safe" or "unsafe" when a fix is available
    fix_title: Optional[str] = None
    end_line: Optional[int] = None  # where the code the finding is about ends (same numbering as line),
    end_col: Optional[int] = None  # the column just past it (0-based); None when not known

    @property
    def where(self) -> str:
        """`line:col`, or `cell_N:line:col` in a notebook."""
        place = f"{self.line}:{self.col + 1}"
        return place if self.cell is None else f"cell_{self.cell}:{place}"


@dataclass(frozen=True)
class FileError:
    """A file that could not be checked: unreadable, undecodable, not a Python notebook..."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{printable(self.path)}: error: {printable(self.message)}"


# Characters a terminal acts on instead of showing them: control characters but the tab, and the
# bidirectional overrides (which reorder what is shown).
UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with the characters a terminal would act on written as escapes (`\\x1b`)."""
    return UNPRINTABLE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


def unicode_path(path: str) -> str:
    """A path as valid Unicode: the bytes of a name that is not UTF-8 (kept by Python as lone
    surrogates, which JSON readers reject) become backslash escapes (`caf\\xe9.py`)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def render(
    format: str, findings: Sequence[Finding], errors: Sequence[FileError] = (), unsafe_fixes: bool = False
) -> str:
    """The report for `findings` (already in output order); "" when there is nothing to say.
    Messages quote the checked code: characters in it that a terminal would act on are escaped,
    in paths too (JSON gets each path as valid Unicode). In text, `[*]` marks a finding that
    --fix would fix (with `unsafe_fixes`, an unsafe fix counts too), as ruff marks them."""
    findings = [replace(f, message=printable(f.message)) for f in findings]
    if format in ("text", "github"):
        findings = [replace(f, path=printable(f.path)) for f in findings]
    if format == "text":
        return "".join(
            f"{f.path}:{f.where}: {f.code} {FIXABLE_MARK * fixable(f, unsafe_fixes)}{f.message}\n" for f in findings
        )
    if format == "json":
        return json.dumps([json_finding(f) for f in findings], indent=2) + "\n"
    if format == "sarif":
        return json.dumps(sarif(findings, errors), indent=2) + "\n"
    if format == "github":
        return "".join(github_annotation(f) + "\n" for f in findings)
    raise ValueError(f"unknown format {format!r}")


FIXABLE_MARK = "[*] "


def fixable(finding: Finding, unsafe_fixes: bool) -> bool:
    """Whether --fix fixes the finding: a safe fix, or with --unsafe-fixes any fix."""
    return finding.fix_safety == SAFE or (unsafe_fixes and finding.fix_safety is not None)


def json_finding(finding: Finding) -> dict:
    """The finding's fields, the rule's name right after its code, and its documentation last."""
    fields = {}
    for key, value in asdict(finding).items():
        fields[key] = printable(unicode_path(value)) if key == "path" else value
        if key == "code":
            fields["name"] = rule_name(value)
    return {**fields, "url": doc_url(finding.code)}


def statistics(format: str, findings: Sequence[Finding], unsafe_fixes: bool = False) -> str:
    """How many findings each code has, most first (ties by code), as `ruff --statistics`
    prints them: count, code, `[*]` when --fix would fix some of them, and the rule's name.
    In json, [{"code", "name", "count", "fixable"}], `fixable` counting the findings --fix
    would fix."""
    counts = Counter(finding.code for finding in findings)
    fixes = Counter(finding.code for finding in findings if fixable(finding, unsafe_fixes))
    codes = sorted(counts, key=lambda code: (-counts[code], code))
    if format == "json":
        rows = [{"code": code, "name": rule_name(code), "count": counts[code], "fixable": fixes[code]} for code in codes]
        return json.dumps(rows, indent=2) + "\n"
    if not codes:
        return ""
    width = len(str(max(counts.values())))
    marks = {code: (FIXABLE_MARK if fixes[code] else "[ ] ") if fixes else "" for code in codes}
    return "".join(f"{counts[code]:>{width}}\t{code}\t{marks[code]}{rule_name(code)}\n" for code in codes)


def error_line(format: str, error: FileError) -> str:
    """How a file that could not be checked is reported on standard error. On GitHub, whose
    runner reads standard error too, it is an annotation like the findings, every part escaped:
    a path starting with `::` must not be read as a workflow command."""
    if format != "github":
        return str(error)
    path = printable(error.path)
    return f"::error file={_escape_property(path)},title=not checked::{_escape_data(path + ': ' + printable(error.message))}"


# ---- GitHub workflow commands ----------------------------------------------------------


def github_annotation(finding: Finding) -> str:
    """`::error file=...,line=...,col=...,endLine=...,endColumn=...,title=DET101 name::message`
    (the end where it is known; endColumn 1-based, just past the code, as SARIF's): findings
    are bugs that fail the run, so they are errors, not warnings."""
    properties = {"file": finding.path}
    if finding.cell is None:
        properties.update(line=str(finding.line), col=str(finding.col + 1))
        if finding.end_line is not None:
            properties.update(endLine=str(finding.end_line), endColumn=str(finding.end_col + 1))
    elif finding.file_line is not None:
        properties["line"] = str(finding.file_line)
    properties["title"] = f"{finding.code} {rule_name(finding.code)}"
    listed = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
    return f"::error {listed}::{_escape_data(_located_message(finding))}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _located_message(finding: Finding) -> str:
    """The message; in a notebook it names the cell, since the file's line is only the JSON's."""
    if finding.cell is None:
        return finding.message
    return f"cell_{finding.cell}:{finding.line}:{finding.col + 1}: {finding.message}"


# ---- SARIF 2.1.0 -------------------------------------------------------------------------


def sarif(findings: Sequence[Finding], errors: Sequence[FileError]) -> dict:
    descriptors = [_parse_error_descriptor()] + [_rule_descriptor(rule) for rule in RULES]
    index = {descriptor["id"]: n for n, descriptor in enumerate(descriptors)}
    results = []
    for finding in findings:
        result = {
            "ruleId": finding.code,
            "level": "error",
            "message": {"text": _located_message(finding)},
            "locations": [{"physicalLocation": _physical_location(finding)}],
        }
        if finding.code in index:
            result["ruleIndex"] = index[finding.code]
        results.append(result)
    notifications = [
        {
            "level": "error",
            "message": {"text": printable(error.message)},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(error.path)}}}],
        }
        for error in errors
    ]
    driver = {"name": "flake8-detach", "version": __version__, "rules": descriptors}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",  # libcst columns count code points
                "invocations": [
                    {"executionSuccessful": not errors, "toolExecutionNotifications": notifications}
                ],
                "results": results,
            }
        ],
    }


def _physical_location(finding: Finding) -> dict:
    if finding.cell is None:
        region = {"startLine": finding.line, "startColumn": finding.col + 1}
        if finding.end_line is not None:
            region.update(endLine=finding.end_line, endColumn=finding.end_col + 1)
    else:
        region = {"startLine": finding.file_line or 1}
    return {"artifactLocation": {"uri": artifact_uri(finding.path)}, "region": region}


def artifact_uri(path: str) -> str:
    """A relative path stays relative (GitHub resolves it against the checkout); an absolute
    one becomes a file: URI."""
    if os.path.isabs(path):
        return PurePath(path).as_uri()
    return quote(PurePath(path).as_posix(), errors="surrogateescape")  # a non-UTF-8 name: its bytes


def _rule_descriptor(rule) -> dict:
    descriptor = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _first_sentence(rule.what)},
        "fullDescription": {"text": rule.why},
        "help": {"text": f"{rule.what}\n\n{rule.why}", "markdown": rule_doc(rule)},
        "defaultConfiguration": {"level": "error"},
    }
    uri = doc_url(rule.code)
    if uri is not None:
        descriptor["helpUri"] = uri
    return descriptor


def _parse_error_descriptor() -> dict:
    descriptor = {
        "id": PARSE_ERROR_CODE,
        "name": PARSE_ERROR_NAME,
        "shortDescription": {"text": "The file could not be parsed, so it was not checked."},
        "fullDescription": {"text": PARSE_ERROR_WHY},
        "help": {"text": f"{PARSE_ERROR_WHAT}\n\n{PARSE_ERROR_WHY}", "markdown": parse_error_doc()},
        "defaultConfiguration": {"level": "error"},
    }
    uri = doc_url(PARSE_ERROR_CODE)
    if uri is not None:
        descriptor["helpUri"] = uri
    return descriptor


def doc_url(code: str, rules_page: Optional[str] = None) -> Optional[str]:
    """The section of a rule, or of DET000, on the rules page (the package's `Rules` project
    URL); None for another code or when the package metadata names no such page."""
    page = rules_page if rules_page is not None else _project_url("Rules")
    name = rule_name(code)
    if page is None or not name:
        return None
    return f"{page}#{code.lower()}-{name}"


@functools.lru_cache(maxsize=None)  # read once: JSON output asks for every finding
def _project_url(label: str) -> Optional[str]:
    try:
        entries = metadata.metadata("flake8-detach").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    for entry in entries:
        name, _, url = entry.partition(",")
        if name.strip().lower() == label.lower():
            return url.strip()
    return None


def _first_sentence(text: str) -> str:
    head = text.split("\n\n")[0]
    end = head.find(". ")
    return head if end < 0 else head[: end + 1]


def rule_name(code: str) -> str:
    for rule in RULES:
        if rule.code == code:
            return rule.name
    return PARSE_ERROR_NAME if code == PARSE_ERROR_CODE else ""
