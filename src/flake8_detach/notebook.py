"""Jupyter notebooks (.ipynb, nbformat 4) in and out, without depending on nbformat.

The code cells are joined into one Python source, in order, so facts flow from cell to cell as
they do when the notebook runs top to bottom; a marker comment line closes each cell. In a cell
that is not valid Python as it stands, IPython lines (`%magic`, `!shell`, `?help`, `x = !cmd`)
become placeholders with the same line count; a `%%cell magic` cell is left out. Fixed code is
split back at the markers, the original IPython lines are put back, and the JSON is written with
the original's indentation, key order, escaping and trailing newline.
"""

from __future__ import annotations

import bisect
import io
import json
import json.decoder
import json.scanner
import re
from dataclasses import dataclass
from typing import Optional

from .pipeline import parses_as_python

CELL_END = "# <flake8-detach: end of cell>"
MAGIC_TAG = "# <flake8-detach: ipython line "
PLACEHOLDER = re.compile(re.escape(MAGIC_TAG) + r"(\d+)>$")
HELP = re.compile(r"[\w.*]+\?\??$")  # `obj?`, `obj.attr??`, `np.*load*?`
MAGIC_ASSIGNMENT = re.compile(r"^(\s*)([A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*)\s*=\s*[%!]")


class NotebookError(Exception):
    """The file is not a notebook this tool can check or write."""


@dataclass
class CodeCell:
    index: int  # position in the notebook's "cells"
    number: int  # 1-based among the code cells: how findings name the cell
    text: str  # the cell's code as stored
    python: str  # the code as linted, IPython lines replaced; ends with a newline
    ipython_lines: list  # the replaced lines, by placeholder number
    first_line: int  # where the cell starts in the joined source (1-based)


class Notebook:
    def __init__(self, text: str) -> None:
        self.text = text
        try:
            self.data = json.loads(text)
        except json.JSONDecodeError as error:
            raise NotebookError(f"not valid JSON: {error}") from None
        except RecursionError:
            raise NotebookError("not valid JSON: nested too deeply to read") from None
        self._check_format()
        # The marker lines must not occur in the cells themselves: pick variants that do not.
        texts = [_joined(cell.get("source", "")) for cell in self.data["cells"]]
        self.cell_end = _unused(CELL_END, texts)
        self.tag = _unused(MAGIC_TAG, texts)
        self.cells: list = []
        parts = []
        line = 1
        number = 0
        for index, cell in enumerate(self.data["cells"]):
            if cell.get("cell_type") != "code":
                continue
            number += 1
            text = texts[index]
            if text.lstrip().startswith("%%"):
                continue  # a cell magic: the cell is not Python
            python, ipython_lines = python_code(text, self.tag)
            self.cells.append(CodeCell(index, number, text, python, ipython_lines, line))
            parts.append(python + self.cell_end + "\n")
            line += _count_lines(python) + 1
        self.source = "".join(parts)
        self._file_lines: Optional[dict] = None

    def _check_format(self) -> None:
        data = self.data
        if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
            raise NotebookError("not a notebook: no list of cells")
        version = data.get("nbformat")
        if not isinstance(version, int) or isinstance(version, bool):
            raise NotebookError(f"not a notebook: its nbformat is {version!r}, not a version number")
        if version < 4:
            raise NotebookError(f"notebook format {version!r} is not supported; only nbformat 4 is")
        metadata = _table(data.get("metadata"))
        for language in (
            _table(metadata.get("kernelspec")).get("language"),
            _table(metadata.get("language_info")).get("name"),
        ):
            if isinstance(language, str) and language.lower() != "python":
                raise NotebookError(f"not a Python notebook (kernel language: {language})")
        for number, cell in enumerate(data["cells"], start=1):
            if not isinstance(cell, dict):
                raise NotebookError(f"malformed notebook: cell {number} is not an object")
            source = cell.get("source", "")
            if not isinstance(source, (str, list)) or not all(isinstance(s, str) for s in _as_list(source)):
                raise NotebookError("malformed notebook: a cell's source is not text")

    def locate(self, line: int) -> tuple:
        """(cell number, line in the cell) for a line of the joined source."""
        cell = self.cells[0]
        for candidate in self.cells:
            if candidate.first_line > line:
                break
            cell = candidate
        return cell.number, line - cell.first_line + 1

    def file_line(self, cell_number: int, line: int) -> Optional[int]:
        """The line of the .ipynb file that holds line `line` of code cell `cell_number`."""
        if self._file_lines is None:
            self._file_lines = self._source_positions()
        positions = self._file_lines.get(cell_number, [])
        return positions[min(line, len(positions)) - 1] if positions else None

    def _source_positions(self) -> dict:
        """Code cell number -> for each of its code lines, the file line it is stored on."""
        located = _decode_with_offsets(self.text)
        newline_offsets = [n for n, char in enumerate(self.text) if char == "\n"]
        positions = {}
        number = 0
        for cell in located["cells"]:
            if cell.get("cell_type") != "code":
                continue
            number += 1
            lines = []
            for piece in _as_list(cell.get("source", "")):
                file_line = bisect.bisect(newline_offsets, piece.offset) + 1
                lines.extend([file_line] * max(1, _count_lines(piece)))
            positions[number] = lines
        return positions

    def changed_cells(self, fixed: str) -> list:
        """(cell, new code) for each cell whose code differs in a fixed joined source."""
        changed = []
        for cell, python in zip(self.cells, _split_cells(fixed, len(self.cells), self.cell_end)):
            code = restore_ipython_lines(python, cell.ipython_lines, self.tag)
            if not cell.text.endswith(("\n", "\r")) and code.endswith("\n"):
                code = code[:-1]
            if code != cell.text:
                changed.append((cell, code))
        return changed

    def with_source(self, fixed: str) -> str:
        """The notebook's JSON text with the cells' code taken from a fixed joined source."""
        for cell, code in self.changed_cells(fixed):
            stored = self.data["cells"][cell.index]
            stored["source"] = code.splitlines(keepends=True) if isinstance(stored.get("source"), list) else code
        return dump_like(self.data, self.text)


def python_code(text: str, tag: str = MAGIC_TAG) -> tuple:
    """The cell's code as Python, ending with a newline, and the IPython lines it replaced,
    each by a placeholder tagged `tag` and its number."""
    if not text.endswith(("\n", "\r")):
        text += "\n"
    if parses_as_python(text):
        return text, []
    lines = io.StringIO(text, newline="").readlines()
    replaced = []
    out = []
    continuing = None  # indentation of an IPython line continued with a backslash
    for line in lines:
        body = line.rstrip("\r\n")
        ending = line[len(body) :]
        stripped = body.strip()
        indent = body[: len(body) - len(body.lstrip())]
        assignment = MAGIC_ASSIGNMENT.match(body)
        if continuing is not None:
            placeholder = f"{continuing}pass"
        elif stripped[:1] in ("%", "!", "?") or HELP.match(stripped):
            placeholder = f"{indent}pass"
        elif assignment:
            # Rebind the names so facts about their old values are forgotten.
            placeholder = f"{assignment.group(1)}{assignment.group(2)} = ..."
        else:
            out.append(line)
            continue
        continuing = (continuing if continuing is not None else indent) if body.endswith("\\") else None
        out.append(f"{placeholder}  {tag}{len(replaced)}>{ending}")
        replaced.append(line)
    return "".join(out), replaced


def restore_ipython_lines(python: str, ipython_lines: list, tag: str = MAGIC_TAG) -> str:
    placeholder = PLACEHOLDER if tag == MAGIC_TAG else re.compile(re.escape(tag) + r"(\d+)>$")
    out = []
    for line in io.StringIO(python, newline="").readlines():
        match = placeholder.search(line.rstrip("\r\n"))
        number = int(match.group(1)) if match else None
        if number is not None and number >= len(ipython_lines):
            raise NotebookError("the fixed code no longer lines up with the IPython lines; notebook left unchanged")
        out.append(ipython_lines[number] if number is not None else line)
    return "".join(out)


def _unused(marker: str, texts: list) -> str:
    """`marker`, or a variant of it (`# <flake8-detach: end of cell 2>`) that occurs in none
    of `texts`."""
    variant, number = marker, 1
    while any(variant in text for text in texts):
        number += 1
        variant = f"{marker[:-1]} {number}>" if marker.endswith(">") else f"{marker}{number} "
    return variant


def _split_cells(source: str, count: int, cell_end: str = CELL_END) -> list:
    pieces, current = [], []
    for line in io.StringIO(source, newline="").readlines():
        if line.rstrip("\r\n") == cell_end:
            pieces.append("".join(current))
            current = []
        else:
            current.append(line)
    if len(pieces) != count or current:
        raise NotebookError("the fixed code no longer lines up with the cells; notebook left unchanged")
    return pieces


def dump_like(data, original: str) -> str:
    """`data` as JSON in the layout of `original`: indentation, separators, escaping of non-ASCII,
    key order (kept by the dicts) and trailing newline; the first layout that reproduces the
    original text is used."""
    ensure_ascii = original.isascii()
    indent = _indent(original)
    newline = "\r\n" if "\r\n" in original else "\n"
    trailing = original.endswith(("\n", "\r"))
    layouts = [(",", ": "), (", ", ": "), (",", ":"), (", ", ":")]
    original_data = json.loads(original)

    def dumps(value, separators) -> str:
        text = json.dumps(value, indent=indent, separators=separators, ensure_ascii=ensure_ascii)
        return text.replace("\n", newline) + (newline if trailing else "")

    for separators in layouts:
        if dumps(original_data, separators) == original:
            return dumps(data, separators)
    return dumps(data, layouts[0] if indent is not None else layouts[1])


def _indent(text: str):
    """The indentation unit of a JSON document: None when it is on one line."""
    match = re.match(r"\s*\{\r?\n([ \t]*)", text)
    if match is None:
        return None
    unit = match.group(1)
    return len(unit) if unit.strip(" ") == "" else unit


class _Located(str):
    """A decoded JSON string that knows where it starts in the document."""

    offset: int


def _decode_with_offsets(text: str):
    def parse_string(document, end, strict):
        value, after = json.decoder.scanstring(document, end, strict)
        located = _Located(value)
        located.offset = end - 1  # `end` is just past the opening quote
        return located, after

    decoder = json.JSONDecoder()
    decoder.parse_string = parse_string
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # the C scanner takes no hooks
    return decoder.decode(text)


def _table(value) -> dict:
    """A JSON object, or an empty one for anything else: metadata is not validated here."""
    return value if isinstance(value, dict) else {}


def _joined(source) -> str:
    return "".join(source) if isinstance(source, list) else source


def _as_list(source) -> list:
    return source if isinstance(source, list) else [source]


def _count_lines(text: str) -> int:
    return len(io.StringIO(text, newline="").readlines())
