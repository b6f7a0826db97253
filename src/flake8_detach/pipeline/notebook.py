"""Jupyter notebooks (.ipynb, nbformat 4) in and out, without depending on nbformat.

The code cells are joined into one Python source, in order, so facts flow from cell to cell as
they do when the notebook runs top to bottom; a marker comment line closes each cell. In a cell
that is not valid Python as it stands, IPython lines (`%magic`, `!shell`, `?help`, `x = !cmd`,
automagic's `ls data`) become placeholders with the same line count; a `%%cell magic` cell is
left out, but for the magics whose body is Python (%%time, %%timeit, %%capture, %%prun), analysed after that line. A cell of
Python 2 (print statements, `async` as a name) is analysed as ported (syntax.python2) and never
fixed. Fixed code is split back at the markers, the original IPython lines are put back, and only
the JSON strings of the changed lines are rewritten in the notebook's text: every other byte stays
as it was.
"""

from __future__ import annotations

import ast
import bisect
import difflib
import io
import json
import json.decoder
import re
from dataclasses import dataclass
from typing import Optional

from ..syntax.ast_syntax import parse_python, parses_as_python
from ..syntax.python2 import as_python3
from ..engine.walker import CELL_END

MAGIC_TAG = "# <flake8-detach: ipython line "
PLACEHOLDER = re.compile(re.escape(MAGIC_TAG) + r"(\d+)>$")
HELP = re.compile(r"[\w.*]+\?\??$")  # `obj?`, `obj.attr??`, `np.*load*?`
# Cell magics whose body is Python that IPython runs (timed, or with its output captured): the
# cell is analysed after its first line.
PYTHON_CELL_MAGICS = frozenset(("time", "timeit", "capture", "prun"))
# A line magic or shell alias written without `%` (IPython's automagic): its name, then
# arguments that cannot continue a Python expression (`ls data`, `pip install x`, `rm -rf log`).
AUTOMAGIC = re.compile(
    r"(?:cat|cd|clear|cp|env|less|ll|load_ext|ls|matplotlib|mkdir|more|mv|pip|conda|pwd|reload_ext|rm|rmdir"
    r"|autoreload|tensorboard|time|timeit|who|whos)(?:\s+(?![=(\[,:]|[-+*/%&|^<>!]?=\s)\S.*)?$"
)
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
    indent: str = ""  # the indentation IPython strips from every line (the first line's)
    broken: Optional[str] = None  # why the cell's code does not parse; it is left out then
    ported: bool = False  # `python` is the cell's Python 2 code ported: analysed, never fixed


@dataclass(frozen=True)
class Segment:
    """A joined source to analyse, and the numbers of the cells whose code it holds (the other
    cells are blank in it, or only their imports)."""

    source: str
    cells: frozenset


class Notebook:
    def __init__(self, text: str) -> None:
        self.text = text
        try:
            self.data = json.loads(text, parse_int=_integer)
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
        self.skipped: list = []  # (number, magic) of the code cells that are not Python
        parts = []
        line = 1
        number = 0
        for index, cell in enumerate(self.data["cells"]):
            if cell.get("cell_type") != "code":
                continue
            number += 1
            text = texts[index]
            magic = _cell_magic(text)
            if magic is not None and magic not in PYTHON_CELL_MAGICS:
                self.skipped.append((number, magic))
                continue  # a cell magic whose body is not Python (%%bash, %%writefile...)
            indent, code = _dedented(text)
            python, ipython_lines = python_code(code, self.tag)
            problem = parse_problem(python)
            ported = as_python3(python) if problem is not None else None
            if ported is not None and parse_problem(ported) is None:
                python, problem = ported, None
            cell = CodeCell(index, number, text, python, ipython_lines, line, indent, problem, ported is not None)
            self.cells.append(cell)
            parts.append(self._as_analysed(cell))
            line += _count_lines(python) + 1
        self.source = "".join(parts)
        self._file_lines: Optional[dict] = None
        self._sources: Optional[dict] = None

    def _check_format(self) -> None:
        data = self.data
        version = data.get("nbformat") if isinstance(data, dict) else None
        is_number = isinstance(version, int) and not isinstance(version, bool)
        if is_number and version < 4:  # before nbformat 4, cells were in "worksheets"
            raise NotebookError(f"notebook format {version!r} is not supported; only nbformat 4 is")
        if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
            raise NotebookError("not a notebook: no list of cells")
        if not is_number:
            raise NotebookError(f"not a notebook: its nbformat is {version!r}, not a version number")
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

    def _as_analysed(self, cell: CodeCell, included: bool = True, imports: bool = False) -> str:
        """The cell's part of a joined source: its code, or blank lines where it is broken or
        not `included` (so that the other cells keep their lines), but for its top-level
        imports where `imports` (a broken cell cannot undo an earlier cell's import)."""
        if included and cell.broken is None:
            return cell.python + self.cell_end + "\n"
        lines = io.StringIO(cell.python, newline="").readlines()
        kept = _import_lines(cell.python) if imports and cell.broken is None else set()
        return "".join(line if number in kept else "\n" for number, line in enumerate(lines, 1)) + self.cell_end + "\n"

    def segments(self) -> list:
        """The joined sources to analyse, one for each run of cells between broken ones (each
        with the other cells' lines blank): what was known before a broken cell is forgotten
        at it, as a kernel that stopped there would have no more of it."""
        runs, run = [], []
        for cell in self.cells:
            if cell.broken is None:
                run.append(cell)
            elif run:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
        segments = []
        for run in runs:
            first = run[0].number
            source = "".join(self._as_analysed(c, c in run, c.number < first) for c in self.cells)
            segments.append(Segment(source, frozenset(c.number for c in run)))
        return segments or [Segment(self.source, frozenset())]

    def merged(self, segments: list, fixed_sources: list) -> str:
        """The joined source with each cell's code taken from the fixed source of the segment
        whose run holds it. A segment carries the cells before its run as their imports only
        and the rest blank: a fix that changed those lines is refused (NotebookError), never
        taken as the cells' code."""
        taken = {cell.number: cell.python for cell in self.cells}
        for segment, fixed in zip(segments, fixed_sources):
            before = _split_cells(segment.source, len(self.cells), self.cell_end)
            after = _split_cells(fixed, len(self.cells), self.cell_end)
            for cell, old, new in zip(self.cells, before, after):
                if cell.number in segment.cells:
                    if new != old and parse_problem(new) is not None:
                        raise NotebookError(f"the fixed code of cell {cell.number} does not parse; notebook left unchanged (a bug)")
                    taken[cell.number] = new
                elif new != old:
                    raise NotebookError(
                        f"a fix changed cell {cell.number} outside the cells it was fixing; notebook left unchanged (a bug)"
                    )
        return "".join(taken[cell.number] + self.cell_end + "\n" for cell in self.cells)

    def fixable_lines(self, source: str):
        """For a joined source of this notebook (fixed or not): whether a line of it may be
        fixed, that is, is not in a ported cell (whose code as analysed is not the cell's)."""
        ends = [n for n, line in enumerate(io.StringIO(source, newline="").readlines(), 1)
                if line.rstrip("\r\n") == self.cell_end]
        return lambda line: not self.cells[min(bisect.bisect_left(ends, line), len(self.cells) - 1)].ported

    def cells_touched(self, touched: tuple) -> set:
        """The numbers of the cells that hold the nodes a fix replaced (fixes.FixResult.touched,
        of a joined source of this notebook)."""
        numbers = set()
        for source, spans in touched:
            ends = [n for n, line in enumerate(io.StringIO(source, newline="").readlines(), 1)
                    if line.rstrip("\r\n") == self.cell_end]
            for first, last in spans:
                start = bisect.bisect_left(ends, first)
                numbers.update(self.cells[k].number for k in range(start, min(bisect.bisect_left(ends, last) + 1, len(self.cells))))
        return numbers

    def unchanged_but(self, text: str, changed: set) -> Optional[str]:
        """Why the notebook `text` (this one rewritten) does not equal this one but for the
        code of the cells numbered in `changed`, or None when it does: every other cell, code
        cell or not, and everything outside the cells is the same as it was read."""
        try:
            data = json.loads(text, parse_int=_integer)
        except (json.JSONDecodeError, RecursionError) as error:
            return f"the rewritten notebook is not valid JSON ({error})"
        old_cells, new_cells = self.data["cells"], data.get("cells") if isinstance(data, dict) else None
        if not isinstance(new_cells, list) or len(new_cells) != len(old_cells):
            return "the rewritten notebook does not hold the same cells"
        if {k: v for k, v in data.items() if k != "cells"} != {k: v for k, v in self.data.items() if k != "cells"}:
            return "the rewritten notebook's metadata changed"
        numbers = {cell.index: cell.number for cell in self.cells}
        for index, (old, new) in enumerate(zip(old_cells, new_cells)):
            if numbers.get(index) in changed:
                old, new = _without_source(old), _without_source(new)
            if old != new:
                return f"cell {index + 1} of the notebook changed though no fix was made in it"
        return None

    def broken_cells(self) -> list:
        return [cell for cell in self.cells if cell.broken is not None]

    def locate(self, line: int) -> tuple:
        """(cell number, line in the cell) for a line of the joined source."""
        cell = self.cells[0]
        for candidate in self.cells:
            if candidate.first_line > line:
                break
            cell = candidate
        return cell.number, line - cell.first_line + 1

    def column(self, cell_number: int, line: int, col: int) -> int:
        """A column of the analysed code as a column of the cell (a dedented cell's lines
        have their indentation back)."""
        cell = next(cell for cell in self.cells if cell.number == cell_number)
        if not cell.indent:
            return col
        lines = cell.text.splitlines()
        return col + len(cell.indent) if line <= len(lines) and lines[line - 1].startswith(cell.indent) else col

    def file_line(self, cell_number: int, line: int) -> Optional[int]:
        """The line of the .ipynb file that holds line `line` of code cell `cell_number`."""
        if self._file_lines is None:
            self._file_lines = self._source_positions()
        positions = self._file_lines.get(cell_number, [])
        return positions[min(line, len(positions)) - 1] if positions else None

    def _source_positions(self) -> dict:
        """Code cell number -> for each of its code lines, the file line it is stored on."""
        sources = self._source_locations()
        positions = {}
        line, counted = 1, 0  # the file line at offset `counted`; sources come in the text's order
        for cell in self.cells:
            if cell.index not in sources:
                continue
            lines = []
            stored = _as_list(self.data["cells"][cell.index]["source"])
            for (start, _), piece in zip(sources[cell.index].strings, stored):
                line += self.text.count("\n", counted, start)
                counted = start
                lines.extend([line] * max(1, _count_lines(piece)))
            positions[cell.number] = lines
        return positions

    def _source_locations(self) -> dict:
        if self._sources is None:
            self._sources = _source_locations(self.text)
        return self._sources

    def changed_cells(self, fixed: str) -> list:
        """(cell, new code) for each cell whose code differs in a fixed joined source."""
        changed = []
        for cell, python in zip(self.cells, _split_cells(fixed, len(self.cells), self.cell_end)):
            if cell.broken is not None or cell.ported or python == cell.python:
                continue  # never analysed, never fixed, or unchanged
            code = _indented(restore_ipython_lines(python, cell.ipython_lines, self.tag), cell.indent)
            if not cell.text.endswith(("\n", "\r")) and code.endswith("\n"):
                code = code[:-1]
            if code != cell.text:
                changed.append((cell, code))
        return changed

    def with_source(self, fixed: str) -> str:
        """The notebook's text with the cells' code taken from a fixed joined source: only the
        JSON strings of changed lines are rewritten, each in its own escaping."""
        edits = []  # (start, end, new text) in the notebook's text
        sources = self._source_locations()
        for cell, code in self.changed_cells(fixed):
            stored = self.data["cells"][cell.index]["source"]
            edits.extend(_source_edits(self.text, sources[cell.index], stored, code))
        pieces, done = [], 0
        for start, end, replacement in sorted(edits):
            pieces += [self.text[done:start], replacement]
            done = end
        return "".join(pieces) + self.text[done:]


def _cell_magic(text: str) -> Optional[str]:
    """`time` for a cell starting `%%time`, else None."""
    stripped = text.lstrip()
    if not stripped.startswith("%%"):
        return None
    return stripped[2:].split(None, 1)[0] if stripped[2:].strip() else ""


def parse_problem(code: str) -> Optional[str]:
    """Why Python rejects `code` (its message and line), or None."""
    try:
        parse_python(code)
    except SyntaxError as error:
        return f"{error.msg} (line {error.lineno or 1})"
    except (ValueError, RecursionError, MemoryError) as error:
        return str(error) or type(error).__name__
    return None


def _import_lines(code: str) -> set:
    """The line numbers of the top-level import statements of `code` (which parses)."""
    return {
        number
        for node in parse_python(code).body
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for number in range(node.lineno, node.end_lineno + 1)
    }


def _dedented(text: str) -> tuple:
    """(indentation, code): IPython runs a cell whose first line is indented with that
    indentation taken off every line that has it."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    indent = first[: len(first) - len(first.lstrip(" \t"))]
    lines = io.StringIO(text, newline="").readlines()
    if not indent or not all(line.startswith(indent) or not line.strip() for line in lines):
        return "", text
    return indent, "".join(line[len(indent) :] if line.strip() else line for line in lines)


def _indented(code: str, indent: str) -> str:
    """`code` with a dedented cell's indentation given back."""
    if not indent:
        return code
    return "".join(indent + line if line.strip() else line for line in io.StringIO(code, newline="").readlines())


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
        elif stripped[:1] in ("%", "!", "?") or HELP.match(stripped) or AUTOMAGIC.fullmatch(stripped):
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


@dataclass
class _SourceLocation:
    """Where a cell's "source" value is in the notebook's text."""

    strings: list  # (start, end) of each JSON string in it: the value itself, or a list's items
    is_list: bool


_SPACE = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_SCALAR = re.compile(r"[^\s,\]}]+")  # a number, true, false, null
_STRING_OR_BRACKET = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)


def _source_locations(text: str) -> dict:
    """Cell index -> where its "source" is, in a text that json.loads accepted. Values other
    than the sources are skipped without being decoded (outputs can be megabytes). Where a key
    repeats, the last one counts, as for json.loads."""
    found: dict = {}

    def top_member(key: str, start: int) -> int:
        if key != "cells":
            return _skip_value(text, start)
        found.clear()
        return _items(text, start, cell) if text[start] == "[" else _skip_value(text, start)

    def cell(index: int, start: int) -> int:
        if text[start] != "{":
            return _skip_value(text, start)
        return _members(text, start, lambda key, value_start: cell_member(index, key, value_start))

    def cell_member(index: int, key: str, start: int) -> int:
        if key != "source":
            return _skip_value(text, start)
        if text[start] == "[":
            strings: list = []
            end = _items(text, start, lambda _, item_start: _string_at(text, item_start, strings))
            found[index] = _SourceLocation(strings, is_list=True)
            return end
        strings = []
        end = _string_at(text, start, strings)
        found[index] = _SourceLocation(strings, is_list=False)
        return end

    _members(text, _space(text, 0), top_member)
    return found


def _members(text: str, start: int, read) -> int:
    """Read the JSON object at `start`: `read(key, value start)` returns each value's end.
    The end of the object."""
    position = _space(text, start + 1)
    while text[position] != "}":
        key, position = json.decoder.scanstring(text, position + 1)
        position = _space(text, _space(text, position) + 1)  # past the ':'
        position = _space(text, read(key, position))
        if text[position] == ",":
            position = _space(text, position + 1)
    return position + 1


def _items(text: str, start: int, read) -> int:
    """Read the JSON array at `start`: `read(index, item start)` returns each item's end.
    The end of the array."""
    position = _space(text, start + 1)
    index = 0
    while text[position] != "]":
        position = _space(text, read(index, position))
        index += 1
        if text[position] == ",":
            position = _space(text, position + 1)
    return position + 1


def _string_at(text: str, start: int, strings: list) -> int:
    end = _STRING.match(text, start).end()
    strings.append((start, end))
    return end


def _skip_value(text: str, start: int) -> int:
    """The end of the JSON value at `start`, found without decoding it."""
    char = text[start]
    if char == '"':
        return _STRING.match(text, start).end()
    if char not in "[{":
        return _SCALAR.match(text, start).end()
    depth = 0
    for token in _STRING_OR_BRACKET.finditer(text, start):
        char = text[token.start()]
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return token.end()
    raise NotebookError("not valid JSON: an unclosed bracket")  # json.loads accepted it: never


def _space(text: str, position: int) -> int:
    return _SPACE.match(text, position).end()


def _source_edits(text: str, location: _SourceLocation, stored, code: str) -> list:
    """(start, end, new text) edits that make a cell's "source" value hold `code`. In a list,
    only the items that hold changed lines are rewritten: one item stays one item, several
    become one line each, as nbformat writes them; every other item keeps its bytes."""
    if not location.is_list:
        start, end = location.strings[0]
        return [(start, end, _json_string(code, text[start:end]))]
    old = "".join(stored)
    bounds = [0]  # where each item starts in `old`, and where the last ends
    for item in stored:
        bounds.append(bounds[-1] + len(item))
    shift = _OffsetMap(old, code)
    like = "".join(text[start:end] for start, end in location.strings)
    separator = ", "
    if len(location.strings) > 1:
        separator = text[location.strings[0][1] : location.strings[1][0]]
    edits = []
    for first, last in _items_to_rewrite(bounds, shift.changed_spans()):
        new_text = code[shift.new_offset(bounds[first]) : shift.new_offset(bounds[last + 1])]
        items = [new_text] if first == last else (lf_lines(new_text) or [""])
        replacement = separator.join(_json_string(item, like) for item in items)
        edits.append((location.strings[first][0], location.strings[last][1], replacement))
    return edits


def _items_to_rewrite(bounds: list, spans: list) -> list:
    """The runs (first, last) of list items that hold the changed spans of the old text, with
    runs that share an item joined."""
    count = len(bounds) - 1
    runs: list = []
    for start, end in spans:
        first = max(0, min(next((k for k in range(count) if bounds[k + 1] > start), count - 1), count - 1))
        last = max(first, next((k for k in range(count) if bounds[k + 1] >= end), count - 1))
        if runs and first <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(runs[-1][1], last))
        else:
            runs.append((first, last))
    return runs


class _OffsetMap:
    """The line-level changes from `old` to `new`: the spans of `old` that changed, and where an
    offset of `old` outside them (or at their edges) lies in `new`."""

    def __init__(self, old: str, new: str) -> None:
        old_lines, new_lines = lf_lines(old), lf_lines(new)
        self.old_starts = _starts(old_lines)
        self.new_starts = _starts(new_lines)
        self.blocks = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes()

    def changed_spans(self) -> list:
        return [(self.old_starts[i1], self.old_starts[i2]) for tag, i1, i2, _, _ in self.blocks if tag != "equal"]

    def new_offset(self, offset: int) -> int:
        for tag, i1, i2, j1, j2 in self.blocks:
            if offset == self.old_starts[i1]:
                return self.new_starts[j1]
            if tag == "equal" and offset < self.old_starts[i2]:  # inside an unchanged line
                line = bisect.bisect_right(self.old_starts, offset) - 1
                return self.new_starts[j1 + line - i1] + offset - self.old_starts[line]
        return self.new_starts[-1]


def _starts(lines: list) -> list:
    """Where each line starts, and where the last ends."""
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


def _json_string(value: str, like: str) -> str:
    """`value` as a JSON string escaped as `like` is: non-ASCII raw or as \\u escapes, `/` as `\\/`."""
    encoded = json.dumps(value, ensure_ascii=like.isascii())
    return encoded.replace("/", "\\/") if "\\/" in like else encoded


def lf_lines(text: str) -> list:
    """`text` cut after each LF (a lone CR is part of a line), as nbformat stores a cell's
    source and as patch and git read a file."""
    pieces = text.split("\n")
    return [piece + "\n" for piece in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else [])


def _integer(text: str):
    """A JSON integer; one too long for int() (an output may hold any number) stays text: it is
    never used."""
    try:
        return int(text)
    except ValueError:
        return text


def _table(value) -> dict:
    """A JSON object, or an empty one for anything else: metadata is not validated here."""
    return value if isinstance(value, dict) else {}


def _joined(source) -> str:
    return "".join(source) if isinstance(source, list) else source


def _without_source(cell) -> dict:
    return {key: value for key, value in cell.items() if key != "source"} if isinstance(cell, dict) else cell


def _as_list(source) -> list:
    return source if isinstance(source, list) else [source]


def _count_lines(text: str) -> int:
    return len(io.StringIO(text, newline="").readlines())
