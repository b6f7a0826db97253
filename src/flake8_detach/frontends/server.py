"""`flake8-detach server`: a language server (LSP 3.17) over standard input and output.

It checks the text of the editor's buffer, not the file on disk: Python documents on open,
change and save, and notebooks (LSP notebook documents, each code cell a text document of its
own) as the command checks an .ipynb file, each finding sent to its cell. Code actions: a
finding's fix, `# noqa: CODE` for its line, and every safe fix at once
(`source.fixAll.flake8-detach`), as `flake8-detach --fix` would make them. Settings come from
the pyproject.toml the command would read for the document's path, read again at each check.

The analysis, the noqa handling, the fixes and the notebook handling are the command's own
(cli.py, fixes.py, noqa.py, notebook.py); this module turns their results into LSP messages.
"""

from __future__ import annotations

import bisect
import difflib
import io
import json
from dataclasses import dataclass, field
from functools import lru_cache
from types import SimpleNamespace
from typing import Callable, Optional

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from . import cli, config
from ..pipeline.fixing import fix_one, fix_source
from ..pipeline.noqa import INLINE, Noqa
from ..pipeline.notebook import Notebook, NotebookError
from ..syntax.source_lines import physical_lines
from ..syntax.ast_syntax import parses_as_python
from .report import PARSE_ERROR_CODE, Finding, doc_url, printable
from ..rules import select

NAME = "flake8-detach"
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.{NAME}"
PYTHON = "python"


@dataclass
class Checked:
    """One check of a Python document or a notebook: the texts analysed and what was found."""

    key: str  # the document's URI, or the notebook's
    path: Optional[str]  # where it is on disk, if it is a file
    rules: tuple
    texts: dict  # URI -> text, of each document findings are placed in (a notebook: each checked cell)
    findings: list = field(default_factory=list)  # (URI, Finding)
    cells: list = field(default_factory=list)  # a notebook's checked cells' URIs, by number - 1
    notebook: Optional[Notebook] = None


class DetachServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            NAME,
            __version__,
            # Whole texts: pygls applies ranges to lines it splits at more characters than LSP does.
            text_document_sync_kind=types.TextDocumentSyncKind.Full,
            notebook_document_sync=types.NotebookDocumentSyncOptions(
                notebook_selector=[
                    types.NotebookDocumentFilterWithCells(notebook="*", cells=[types.NotebookCellLanguage(PYTHON)])
                ],
                save=True,
            ),
        )
        self.shut_down = False
        self.checked: dict = {}  # document or notebook URI -> its last Checked
        self.shown_problems: set = set()  # configuration errors already shown to the user
        for method, handler in (
            (types.TEXT_DOCUMENT_DID_OPEN, self.on_document),
            (types.TEXT_DOCUMENT_DID_CHANGE, self.on_document),
            (types.TEXT_DOCUMENT_DID_SAVE, self.on_document),
            (types.TEXT_DOCUMENT_DID_CLOSE, self.on_document_closed),
            (types.NOTEBOOK_DOCUMENT_DID_OPEN, self.on_notebook),
            (types.NOTEBOOK_DOCUMENT_DID_CHANGE, self.on_notebook),
            (types.NOTEBOOK_DOCUMENT_DID_SAVE, self.on_notebook),
            (types.NOTEBOOK_DOCUMENT_DID_CLOSE, self.on_notebook_closed),
            (types.SHUTDOWN, self.on_shutdown),
        ):
            self.feature(method)(guarded(self, handler))
        kinds = [types.CodeActionKind.QuickFix, FIX_ALL]
        self.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=kinds))(
            guarded(self, self.code_actions)
        )

    # ---- documents ------------------------------------------------------------------------

    def on_document(self, params) -> None:
        uri = params.text_document.uri
        document = self.workspace.get_text_document(uri)
        if not is_python(uri, document.language_id):
            return
        checked = self.check_python(uri, document.source)
        self.publish(uri, checked, [uri], document.version)

    def on_document_closed(self, params: types.DidCloseTextDocumentParams) -> None:
        self.checked.pop(params.text_document.uri, None)
        self.send_diagnostics(params.text_document.uri, [])

    def on_notebook(self, params) -> None:
        uri = params.notebook_document.uri
        before = self.checked.get(uri)
        checked = self.check_notebook(uri)
        cells = self.cell_uris(uri)
        # Cells taken out of the notebook, or out of the check, lose their diagnostics too.
        stale = [cell for cell in (before.cells if before else []) if cell not in cells]
        self.publish(uri, checked, cells + stale)

    def on_notebook_closed(self, params: types.DidCloseNotebookDocumentParams) -> None:
        before = self.checked.pop(params.notebook_document.uri, None)
        closed = [document.uri for document in params.cell_text_documents] + (before.cells if before else [])
        for cell in dict.fromkeys(closed):
            self.send_diagnostics(cell, [])

    def on_shutdown(self, params) -> None:
        self.shut_down = True

    def publish(self, key: str, checked: Optional[Checked], uris: list, version: Optional[int] = None) -> None:
        """Diagnostics for each of `uris` (none where nothing was checked)."""
        if checked is None:
            self.checked.pop(key, None)
        else:
            self.checked[key] = checked
        for uri in uris:
            diagnostics = []
            if checked is not None and uri in checked.texts:
                lines = cli.source_lines(checked.texts[uri])
                diagnostics = [self.diagnostic(finding, lines) for where, finding in checked.findings if where == uri]
            self.send_diagnostics(uri, diagnostics, version)

    def send_diagnostics(self, uri: str, diagnostics: list, version: Optional[int] = None) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def diagnostic(self, finding: Finding, lines: list) -> types.Diagnostic:
        link = doc_link(finding.code)
        return types.Diagnostic(
            range=self.client_range(lines, finding_range(finding, lines)),
            message=printable(finding.message),
            # DET000 says that code was not checked; the editor shows Python's own syntax errors.
            severity=(
                types.DiagnosticSeverity.Information
                if finding.code == PARSE_ERROR_CODE
                else types.DiagnosticSeverity.Warning
            ),
            code=finding.code,
            code_description=types.CodeDescription(href=link) if link else None,
            source=NAME,
        )

    # ---- checking ---------------------------------------------------------------------------

    def rules_for(self, path: Optional[str]) -> Optional[tuple]:
        """The rules the command would run on `path`; None where it would not check it (an
        excluded path, or a bad setting, which is shown once)."""
        root = self.workspace.root_path if self.workspace.root_path else None
        try:
            settings = config.load_settings({}, [path] if path else [root] if root else [])
        except config.ConfigError as error:
            problem = f"{NAME}: {error}"
            if problem not in self.shown_problems:
                self.shown_problems.add(problem)
                self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=problem))
            return None
        if path and cli.is_excluded(path, settings.exclude):
            return None
        return select(settings.select, settings.ignore, settings.extend_select)

    def check_python(self, uri: str, text: str) -> Optional[Checked]:
        path = file_path(uri)
        rules = self.rules_for(path)
        if rules is None:
            return None
        violations = cli.lint(text, cli.RunOptions(rules=rules), path)
        lines = cli.source_lines(text) if violations else []
        findings = [(uri, cli.finding_at(path, v, v.line, end=cli.end_of(v, lines))) for v in violations]
        return Checked(uri, path, rules, {uri: text}, findings)

    def cell_uris(self, notebook_uri: str) -> list:
        """The notebook's code cells in Python, in order."""
        notebook = self.workspace.get_notebook_document(notebook_uri=notebook_uri)
        if notebook is None:
            return []
        uris = []
        for cell in notebook.cells:
            document = self.workspace.get_text_document(cell.document)
            if cell.kind == types.NotebookCellKind.Code and document.language_id in (None, PYTHON):
                uris.append(cell.document)
        return uris

    def check_notebook(self, uri: str) -> Optional[Checked]:
        """The notebook checked as the command checks its .ipynb file: its Python code cells, in
        order, make an nbformat 4 notebook."""
        path = file_path(uri)
        rules = self.rules_for(path)
        if rules is None:
            return None
        cells = self.cell_uris(uri)
        texts = {cell: self.workspace.get_text_document(cell).source for cell in cells}
        text = notebook_text([texts[cell] for cell in cells])
        report = cli.check_notebook(path, text.encode("utf-8"), cli.RunOptions(rules=rules))
        for error in report.errors:
            self.log(f"{uri}: {error.message}")
        findings = [(cells[finding.cell - 1], finding) for finding in report.findings]
        return Checked(uri, path, rules, texts, findings, cells, Notebook(text))

    def current(self, uri: str) -> Optional[Checked]:
        """The check of the document (or of the notebook whose cell it is) as its text is now."""
        notebook = self.workspace.get_notebook_document(cell_uri=uri)
        key = notebook.uri if notebook is not None else uri
        checked = self.checked.get(key)
        if notebook is not None:
            cells = self.cell_uris(key)
            texts = {cell: self.workspace.get_text_document(cell).source for cell in cells}
            if checked is None or checked.texts != texts or checked.rules != self.rules_for(checked.path):
                checked = self.check_notebook(key)
        else:
            document = self.workspace.get_text_document(uri)
            try:
                text = document.source  # a document the client did not open is read from disk
            except (OSError, UnicodeDecodeError):
                return None
            if not is_python(uri, document.language_id):
                return None
            if checked is None or checked.texts != {uri: text} or checked.rules != self.rules_for(checked.path):
                checked = self.check_python(uri, text)
        return checked

    # ---- code actions -----------------------------------------------------------------------

    def code_actions(self, params: types.CodeActionParams) -> Optional[list]:
        uri = params.text_document.uri
        checked = self.current(uri)
        if checked is None or uri not in checked.texts:
            return None
        wanted = kinds_wanted(params.context.only)
        lines = cli.source_lines(checked.texts[uri])
        asked = self.workspace.position_codec.range_from_client_units(lines, params.range)
        here = [
            finding
            for where, finding in checked.findings
            if where == uri and overlaps(finding_range(finding, lines), asked)
        ]
        actions = []
        if wanted(types.CodeActionKind.QuickFix):
            for finding in here:
                diagnostic = self.diagnostic(finding, lines)
                if finding.fix_safety is not None:
                    action = self.fix_action(checked, uri, finding, diagnostic)
                    if action is not None:
                        actions.append(action)
                if finding.code != PARSE_ERROR_CODE:
                    action = self.noqa_action(checked, uri, finding, diagnostic)
                    if action is not None:
                        actions.append(action)
        # Fixing all is offered beside a safe fix, or when asked for by its kind (on save).
        offer_all = params.context.only is not None or any(f.fix_safety == "safe" for f in here)
        if offer_all and wanted(FIX_ALL) and any(f.fix_safety == "safe" for _, f in checked.findings):
            action = self.fix_all_action(checked)
            if action is not None:
                actions.append(action)
        return actions

    def fix_action(self, checked: Checked, uri: str, finding: Finding, diagnostic) -> Optional[types.CodeAction]:
        if checked.notebook is None:
            fixed = fix_one(checked.texts[uri], checked.rules, checked.path, lambda v: same_place(v, finding))
            new_texts = {} if fixed is None else {uri: fixed}
        else:
            new_texts = self.notebook_fix_one(checked, uri, finding)
        if not new_texts:
            return None
        unsafe = finding.fix_safety != "safe"
        return types.CodeAction(
            title=f"Fix {finding.code}{' (unsafe)' if unsafe else ''}: {finding.fix_title}",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            is_preferred=not unsafe,
            edit=self.workspace_edit(checked, new_texts),
        )

    def notebook_fix_one(self, checked: Checked, uri: str, finding: Finding) -> dict:
        """Cell URI -> its new text, with the one fix made in the run of cells that holds it."""
        notebook = checked.notebook
        number = checked.cells.index(uri) + 1

        def found(violation) -> bool:
            cell, line = notebook.locate(violation.line)
            located = SimpleNamespace(code=violation.code, line=line, col=notebook.column(cell, line, violation.col))
            return cell == number and same_place(located, finding)

        for segment in notebook.segments():
            if number not in segment.cells:
                continue
            fixed = fix_one(segment.source, checked.rules, checked.path, found)
            if fixed is None:
                return {}
            try:
                changed = notebook.changed_cells(notebook.merged([segment], [fixed]))
            except NotebookError as error:
                self.log(f"{checked.key}: {error}")
                return {}
            return {checked.cells[cell.number - 1]: code for cell, code in changed}
        return {}

    def noqa_action(self, checked: Checked, uri: str, finding: Finding, diagnostic) -> Optional[types.CodeAction]:
        text = checked.texts[uri]
        silenced = with_noqa(text, finding.line, finding.code)
        if silenced is None:
            return None
        return types.CodeAction(
            title=f"Disable {finding.code} for this line",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            edit=self.workspace_edit(checked, {uri: silenced}),
        )

    def fix_all_action(self, checked: Checked) -> Optional[types.CodeAction]:
        """Every safe fix, as `flake8-detach --fix` makes them."""
        if checked.notebook is None:
            [(uri, text)] = checked.texts.items()
            result = fix_source(text, checked.rules, False, checked.path)
            if result.rejected:
                self.log(f"{uri}: {result.rejected}")
            new_texts = {uri: result.source} if result.source != text and parses_as_python(result.source) else {}
        else:
            report = cli.FileReport()
            options = cli.RunOptions(rules=checked.rules, fix=True)
            fixed = cli.fix_notebook(checked.path, checked.notebook, options, report)
            for error in report.errors:
                self.log(f"{checked.key}: {error.message}")
            new_texts = {checked.cells[cell.number - 1]: code for cell, code in fixed[1]} if fixed else {}
        if not new_texts:
            return None
        return types.CodeAction(
            title=f"Fix all safely fixable {NAME} findings", kind=FIX_ALL, edit=self.workspace_edit(checked, new_texts)
        )

    def workspace_edit(self, checked: Checked, new_texts: dict) -> types.WorkspaceEdit:
        changes = {}
        for uri, new in new_texts.items():
            old = checked.texts[uri]
            lines = cli.source_lines(old)
            changes[uri] = [
                types.TextEdit(range=self.client_range(lines, (start, end)), new_text=replacement)
                for start, end, replacement in text_edits(old, new)
            ]
        return types.WorkspaceEdit(changes=changes)

    # ---- positions and messages ---------------------------------------------------------

    def client_range(self, lines: list, span: tuple) -> types.Range:
        """A range of (line, column) code point positions, 0-based, in the client's units."""
        (start_line, start_col), (end_line, end_col) = span
        return self.workspace.position_codec.range_to_client_units(
            lines,
            types.Range(
                start=types.Position(line=start_line, character=start_col),
                end=types.Position(line=end_line, character=end_col),
            ),
        )

    def log(self, message: str) -> None:
        self.window_log_message(types.LogMessageParams(type=types.MessageType.Warning, message=message))


def guarded(server: DetachServer, handler: Callable) -> Callable:
    """`handler`, reporting any exception to the client's log instead of failing: a bug met on
    one document leaves the server running for the others."""

    def run(params):
        try:
            return handler(params)
        except Exception as error:  # noqa: BLE001 - the server goes on
            server.log(f"{NAME}: internal error in {handler.__name__}: {type(error).__name__}: {error} (a bug)")
            return None

    run.__name__ = handler.__name__
    return run


# ---- the engine's results in LSP terms -----------------------------------------------------


def is_python(uri: str, language_id: Optional[str]) -> bool:
    return language_id == PYTHON or (language_id is None and uri.endswith(".py"))


def file_path(uri: str) -> Optional[str]:
    return to_fs_path(uri) if uri.startswith("file:") else None


def notebook_text(cells: list) -> str:
    """An nbformat 4 notebook of these code cells, as the command reads one from a file."""
    return json.dumps(
        {
            "nbformat": 4,
            "nbformat_minor": 5,
            "metadata": {},
            "cells": [
                {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": text}
                for text in cells
            ],
        }
    )


@lru_cache(maxsize=None)
def doc_link(code: str) -> Optional[str]:
    """The rule's section of the rules page (as SARIF's helpUri)."""
    return doc_url(code)


def finding_range(finding: Finding, lines: list) -> tuple:
    """((line, col), (end line, end col)), 0-based; where the end is not known, the end of
    the finding's line."""
    line = min(finding.line, len(lines)) - 1
    start = (line, finding.col)
    if finding.end_line is not None and finding.end_col is not None:
        return start, (finding.end_line - 1, finding.end_col)
    return start, (line, max(len(lines[line]), finding.col))


def overlaps(span: tuple, asked) -> bool:
    """Whether a span of the document meets a range asked about (ends included, so that a
    cursor just before or after a finding is on it)."""
    (start, end) = span
    return start <= (asked.end.line, asked.end.character) and (asked.start.line, asked.start.character) <= end


def same_place(violation, finding: Finding) -> bool:
    return (violation.code, violation.line, violation.col) == (finding.code, finding.line, finding.col)


def kinds_wanted(only: Optional[list]) -> Callable:
    """Whether a code action of a kind is wanted: `only` lists kinds and their parents."""
    if only is None:
        return lambda kind: True
    asked = [kind_name(kind) for kind in only]
    return lambda kind: any(kind_name(kind) == k or kind_name(kind).startswith(k + ".") for k in asked)


def kind_name(kind) -> str:
    return str(getattr(kind, "value", kind))  # a CodeActionKind member, or a kind it does not name


def with_noqa(text: str, line: int, code: str) -> Optional[str]:
    """`text` with `code` silenced on `line` (1-based): listed in the `# noqa:` comment of the
    line's token run (noqa.py's "line"), or in a new one at the end of the run's last line.
    None where that would not silence it as the command reads `# noqa`, or would break code
    that parsed."""
    noqa = Noqa(text)
    lines = io.StringIO(text, newline="").readlines()
    if not 0 < line <= len(lines):
        return None
    run = noqa.line_text.get(line)
    first = last = line
    if run is not None:  # the lines of a run share one text object
        while noqa.line_text.get(first - 1) is run:
            first -= 1
        while noqa.line_text.get(last + 1) is run:
            last += 1
    for number in range(first, last + 1):
        match = INLINE.search(lines[number - 1])
        if match is None:
            continue
        codes = match.group("codes")
        if codes is None:  # a bare `# noqa` silences every code already
            return None
        end = match.start("codes") + len(codes.rstrip(", \t\r\n"))
        lines[number - 1] = f"{lines[number - 1][:end]}, {code}{lines[number - 1][end:]}"
        break
    else:
        body = lines[last - 1].rstrip("\r\n")
        ending = lines[last - 1][len(body) :]
        lines[last - 1] = body.rstrip(" \t") + f"  # noqa: {code}" + ending
    silenced = "".join(lines)
    if not Noqa(silenced).silences(code, line) or (parses_as_python(text) and not parses_as_python(silenced)):
        return None
    return silenced


def text_edits(old: str, new: str) -> list:
    """The edits that turn `old` into `new`: ((line, col), (end line, end col), new text), 0-based
    code point positions in `old`, one for each changed line (or run of lines, where their
    number changes), trimmed to the characters that change."""
    old_lines, new_lines = physical_lines(old), physical_lines(new)
    starts, new_starts = _line_starts(old), _line_starts(new)
    runs = []  # (old first line, old end line, new first line, new end line)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            runs += [(i, i + 1, j, j + 1) for i, j in zip(range(i1, i2), range(j1, j2))]
        elif tag != "equal":
            runs.append((i1, i2, j1, j2))
    beginnings = [0] + [match.end() for match in cli.LINE_BREAK.finditer(old)]  # of LSP's lines
    edits = []
    for i1, i2, j1, j2 in runs:
        begin, end = starts[i1], starts[i2]
        before, after = old[begin:end], new[new_starts[j1] : new_starts[j2]]
        prefix = _common_prefix(before, after)
        suffix = _common_suffix(before, after, min(len(before), len(after)) - prefix)
        start, stop = _position(beginnings, begin + prefix), _position(beginnings, end - suffix)
        edits.append((start, stop, after[prefix : len(after) - suffix]))
    return edits


def _line_starts(text: str) -> list:
    """Where each physical line starts, and where the last ends."""
    starts = [0]
    for line in physical_lines(text):
        starts.append(starts[-1] + len(line))
    return starts


def _common_prefix(a: str, b: str) -> int:
    """The length of the common prefix of `a` and `b`, cut so as not to end between a CR and
    its LF in `a` (LSP has no position there)."""
    length = 0
    for x, y in zip(a, b):
        if x != y:
            break
        length += 1
    return length - 1 if length and a[length - 1 : length + 1] == "\r\n" else length


def _common_suffix(a: str, b: str, room: int) -> int:
    """The length of the common suffix of `a` and `b`, at most `room`, cut as the prefix is."""
    length = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y or length == room:
            break
        length += 1
    cut = len(a) - length
    return length - 1 if length and cut and a[cut - 1 : cut + 1] == "\r\n" else length


def _position(beginnings: list, offset: int) -> tuple:
    """(line, col) of an offset, 0-based, given where each line begins."""
    line = bisect.bisect_right(beginnings, offset) - 1
    return line, offset - beginnings[line]


def main() -> int:
    server = DetachServer()
    server.start_io()
    return 0 if server.shut_down else 1  # LSP: exit 1 when the client exits without a shutdown
