"""`flake8-detach server`, driven over stdio as an editor drives it (a server process shared by
the module, a small JSON-RPC client with Content-Length framing, a timeout on every wait), and
its edits checked in-process on generated programs: a finding's fix and its `# noqa` each
remove that finding and nothing else, and the text edits sent give back the text they describe."""

import json
import os
import queue
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsp_client import JsonRpcConnection
from strategies import torch_programs

pytest.importorskip("pygls", reason="the `server` extra (pygls) is not installed")  # it is, under tox

from flake8_detach.frontends import cli  # noqa: E402
from flake8_detach.frontends.config import tomllib  # noqa: E402
from flake8_detach.pipeline.noqa import Noqa  # noqa: E402
from flake8_detach.syntax.ast_syntax import parses_as_python  # noqa: E402
from flake8_detach.rules import RULES  # noqa: E402
from flake8_detach.frontends.server import text_edits, with_noqa  # noqa: E402
from flake8_detach.pipeline.fixing import fix_one  # noqa: E402

README = Path(__file__).resolve().parents[1] / "README.md"
TIMEOUT = 20  # seconds for any one answer: a hung server fails the test instead of hanging it
RULES_PAGE = "https://github.com/flake8-detach/flake8-detach/blob/main/docs/rules.md"
BUGGY = "import torch\n\nloss = torch.ones(3, requires_grad=True).sum()\nprint(loss.data[0])\n"
FIXED = BUGGY.replace("loss.data[0]", "loss.item()")


def readme_commands() -> dict:
    """Editor -> the command line its snippet in the README's "Editor integration" starts."""
    section = README.read_text(encoding="utf-8").split("## Editor integration\n")[1].split("\n## ")[0]
    blocks = dict(re.findall(r"```(json|lua|toml)\n(.*?)```", section, re.DOTALL))
    vs_code = json.loads(blocks["json"])
    helix = tomllib.loads(blocks["toml"])["language-server"]["flake8-detach"]
    neovim = re.findall(r"cmd = \{ (.*?) \}", section)  # the 0.11 snippet and the 0.10 call
    return {
        "VS Code": [vs_code["glspc.server.command"], *vs_code["glspc.server.commandArguments"]],
        "Helix": [helix["command"], *helix["args"]],
        **{f"Neovim ({number})": json.loads(f"[{cmd}]") for number, cmd in enumerate(neovim, 1)},
    }


def server_command() -> list:
    """The README's command, with `flake8-detach` the console script installed beside this Python."""
    [command] = {tuple(command) for command in readme_commands().values()}
    return [shutil.which(command[0], path=str(Path(sys.executable).parent)), *command[1:]]


class Client(JsonRpcConnection):
    """An editor's side of the conversation with the server."""

    def __init__(self, cwd: Path) -> None:
        super().__init__(server_command(), cwd, stderr=subprocess.PIPE)
        self.unread: list = []  # messages received but not yet waited for

    def request(self, method: str, params) -> object:
        number = self.send_request(method, params)
        answer = self.wait(lambda message: message.get("id") == number and "method" not in message)
        assert "error" not in answer, answer
        return answer["result"]

    def wait(self, wanted) -> dict:
        """The first message `wanted` accepts; the others stay for later waits."""
        for message in self.unread:
            if wanted(message):
                self.unread.remove(message)
                return message
        while True:
            try:
                message = self.inbox.get(timeout=TIMEOUT)
            except queue.Empty:
                raise AssertionError(f"no answer from the server in {TIMEOUT} s") from None
            if wanted(message):
                return message
            self.unread.append(message)

    def diagnostics(self, uri: str) -> list:
        """The diagnostics of the next publication for `uri`."""
        message = self.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
        )
        return message["params"]["diagnostics"]

    def open(self, uri: str, text: str) -> list:
        document = {"uri": uri, "languageId": "python", "version": 1, "text": text}
        self.notify("textDocument/didOpen", {"textDocument": document})
        return self.diagnostics(uri)

    def change(self, uri: str, version: int, text: str) -> list:
        self.notify("textDocument/didChange",
                    {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]})
        return self.diagnostics(uri)

    def code_actions(self, uri: str, at: dict, only=None) -> list:
        context = {"diagnostics": []} if only is None else {"diagnostics": [], "only": only}
        return self.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": at, "context": context})

    def stop(self) -> int:
        """shutdown, exit: the server's exit status."""
        try:
            assert self.request("shutdown", None) is None
            self.notify("exit", None)
            return self.process.wait(timeout=TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
                stream.close()


def start(tmp_path: Path) -> Client:
    client = Client(tmp_path)
    capabilities = {"notebookDocument": {"synchronization": {}}}
    result = client.request("initialize",
                            {"processId": os.getpid(), "rootUri": tmp_path.as_uri(), "capabilities": capabilities})
    client.notify("initialized", {})
    client.capabilities = result["capabilities"]
    return client


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A project with an opt-in rule switched on and a default one ignored."""
    root = tmp_path_factory.mktemp("project")
    (root / "pyproject.toml").write_text('[tool.flake8-detach]\nextend-select = ["DET501"]\nignore = ["DET412"]\n')
    return root


@pytest.fixture(scope="module")
def client(project):
    client = start(project)
    yield client
    assert client.stop() == 0  # shutdown, then exit: status 0


def applied(text: str, edits: list) -> str:
    """`edits` ((line, col), (end line, end col), new text), 0-based code point positions on
    LSP's lines (ended by LF, CRLF or CR), made to `text`; they do not overlap."""
    beginnings = [0] + [match.end() for match in cli.LINE_BREAK.finditer(text)]
    for start, end, new in sorted(edits, reverse=True):
        first, last = beginnings[start[0]] + start[1], beginnings[end[0]] + end[1]
        text = text[:first] + new + text[last:]
    return text


def apply(text: str, edits: list) -> str:
    """LSP TextEdits made to `text` (ASCII: UTF-16 units are code points)."""
    return applied(text, [
        ((e["range"]["start"]["line"], e["range"]["start"]["character"]),
         (e["range"]["end"]["line"], e["range"]["end"]["character"]), e["newText"])
        for e in edits
    ])


def at(line: int, character: int) -> dict:
    position = {"line": line, "character": character}
    return {"start": position, "end": position}


def test_every_editor_snippet_in_the_readme_starts_the_server_the_tests_drive():
    commands = readme_commands()
    assert sorted(commands) == ["Helix", "Neovim (1)", "Neovim (2)", "VS Code"]
    assert all(command == ["flake8-detach", "server"] for command in commands.values()), commands


def test_the_server_advertises_its_features(client):
    capabilities = client.capabilities
    assert capabilities["textDocumentSync"]["openClose"] and capabilities["textDocumentSync"]["save"]
    assert capabilities["codeActionProvider"]["codeActionKinds"] == ["quickfix", "source.fixAll.flake8-detach"]
    [selector] = capabilities["notebookDocumentSync"]["notebookSelector"]
    assert selector["cells"] == [{"language": "python"}]


def test_a_finding_is_a_diagnostic_and_goes_away_once_fixed(client, project):
    uri = (project / "train.py").as_uri()  # never written: the buffer is what is checked
    [diagnostic] = client.open(uri, BUGGY)
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == [diagnostic]
    assert diagnostic == {
        "range": {"start": {"line": 3, "character": 6}, "end": {"line": 3, "character": 18}},  # loss.data[0]
        "message": "loss.data[0] indexes a 0-dim tensor: IndexError (use .item()) since PyTorch 0.4",
        "severity": 2,
        "code": "DET504",
        "codeDescription": {"href": f"{RULES_PAGE}#det504-zero-dim-as-sequence"},
        "source": "flake8-detach",
    }
    assert client.change(uri, 2, FIXED) == []


def test_code_actions_fix_the_finding_or_silence_its_line(client, project):
    uri = (project / "actions.py").as_uri()
    client.open(uri, BUGGY)
    actions = client.code_actions(uri, at(3, 10))
    titles = [action["title"] for action in actions]
    assert titles == [
        "Fix DET504: read the number: `loss.data[0]` -> `loss.item()`; stack 0-dim values: `torch.cat` -> `torch.stack` (iteration has no fix)",
        "Disable DET504 for this line",
        "Fix all safely fixable flake8-detach findings",
    ]
    fix, noqa, fix_all = actions
    assert fix["kind"] == "quickfix" and fix["isPreferred"] and fix["diagnostics"][0]["code"] == "DET504"
    [edit] = fix["edit"]["changes"][uri]
    assert edit == {"range": {"start": {"line": 3, "character": 11}, "end": {"line": 3, "character": 18}},
                    "newText": "item()"}
    assert apply(BUGGY, [edit]) == FIXED

    silenced = apply(BUGGY, noqa["edit"]["changes"][uri])
    assert silenced.splitlines()[3] == "print(loss.data[0])  # noqa: DET504"
    assert client.change(uri, 2, silenced) == []

    assert fix_all["kind"] == "source.fixAll.flake8-detach"
    assert apply(BUGGY, fix_all["edit"]["changes"][uri]) == FIXED


def test_positions_are_in_utf_16_code_units_as_lsp_counts_them(client, project):
    uri = (project / "wide.py").as_uri()
    text = BUGGY.replace("print(loss.data[0])", 'print("\U0001F600", loss.data[0])')  # an emoji: 2 units, 1 code point
    [diagnostic] = client.open(uri, text)
    assert diagnostic["range"] == {"start": {"line": 3, "character": 12}, "end": {"line": 3, "character": 24}}
    fix = client.code_actions(uri, diagnostic["range"])[0]
    [edit] = fix["edit"]["changes"][uri]
    assert edit == {"range": {"start": {"line": 3, "character": 17}, "end": {"line": 3, "character": 24}},
                    "newText": "item()"}


def test_away_from_findings_there_is_nothing_to_do(client, project):
    uri = (project / "quiet.py").as_uri()
    client.open(uri, BUGGY)
    assert client.code_actions(uri, at(0, 0)) == []


def test_noqa_extends_a_code_list_as_noqa_parses_it(client, project):
    uri = (project / "listed.py").as_uri()
    text = BUGGY.replace("print(loss.data[0])", "print(loss.data[0])  # noqa: E501 (long)")
    client.open(uri, text)
    noqa = next(a for a in client.code_actions(uri, at(3, 7)) if a["title"].startswith("Disable"))
    silenced = apply(text, noqa["edit"]["changes"][uri])
    assert silenced.splitlines()[3] == "print(loss.data[0])  # noqa: E501, DET504 (long)"
    assert Noqa(silenced).silences("DET504", 4) and Noqa(silenced).silences("E501", 4)


def test_settings_come_from_the_pyproject_toml_the_command_reads(client, project, tmp_path):
    text = BUGGY + "print(loss.numpy())\n"  # DET412 at 5:7
    assert [d["code"] for d in client.open((project / "settings.py").as_uri(), text)] == ["DET504"]
    (tmp_path / "elsewhere.py").write_text(text)
    assert [d["code"] for d in client.open((tmp_path / "elsewhere.py").as_uri(), text)] == ["DET504", "DET412"]
    command = subprocess.run([server_command()[0], "elsewhere.py"], cwd=tmp_path, capture_output=True, text=True,
                             timeout=TIMEOUT)
    assert [line.split()[1] for line in command.stdout.splitlines()] == ["DET504", "DET412"]


UNSAFE = "import torch\nfrom torch.autograd import Variable\n\n\ndef legacy(x):\n    return Variable(x)\n"


def test_an_unsafe_fix_says_so_and_is_not_preferred(client, project):
    uri = (project / "unsafe.py").as_uri()
    [diagnostic] = client.open(uri, UNSAFE)  # DET501, opt-in, selected in pyproject.toml
    assert diagnostic["code"] == "DET501"
    actions = client.code_actions(uri, diagnostic["range"])
    assert [action["title"] for action in actions] == [
        "Fix DET501 (unsafe): unwrap: `Variable(t)` -> `t`, `Variable(t, requires_grad=True)` -> `t.requires_grad_()`",
        "Disable DET501 for this line",
    ]
    fix = actions[0]
    assert fix["kind"] == "quickfix" and not fix["isPreferred"]
    fixed = apply(UNSAFE, fix["edit"]["changes"][uri])
    assert fixed == UNSAFE.replace("return Variable(x)", "return x")
    assert client.change(uri, 2, fixed) == []
    # Fix-all makes the safe fixes only: with none, it is not offered, even when asked for.
    assert client.code_actions(uri, diagnostic["range"], only=["source.fixAll"]) == []


def test_fix_all_when_asked_for_by_kind_makes_every_safe_fix(client, project):
    uri = (project / "many.py").as_uri()
    text = BUGGY + "print(loss.data[0])\n\n\nprint(loss.data[0] + 1)\n"
    assert len(client.open(uri, text)) == 3
    [action] = client.code_actions(uri, at(0, 0), only=["source.fixAll.flake8-detach"])
    edits = action["edit"]["changes"][uri]
    assert len(edits) == 3  # one edit for each fix, not the whole document
    assert apply(text, edits) == text.replace("loss.data[0]", "loss.item()")
    assert client.code_actions(uri, at(3, 10), only=["source.organizeImports"]) == []


def test_a_file_that_does_not_parse_gives_one_clear_diagnostic_and_the_server_goes_on(client, project):
    uri = (project / "broken.py").as_uri()
    [diagnostic] = client.open(uri, "import torch\ndef f(:\n")
    assert diagnostic["code"] == "DET000" and diagnostic["severity"] == 3  # information: not checked
    assert diagnostic["message"].startswith("cannot parse this file: ")
    assert diagnostic["codeDescription"]["href"] == f"{RULES_PAGE}#det000-parse-error"
    assert [d["code"] for d in client.change(uri, 2, BUGGY)] == ["DET504"]  # still running


def notebook_cells(notebook: str, texts: list) -> list:
    return [
        {"uri": f"{notebook}#cell{number}", "languageId": "python", "version": 1, "text": text}
        for number, text in enumerate(texts)
    ]


def test_a_notebook_gets_diagnostics_on_the_cell_of_each_finding(client, project):
    notebook = (project / "train.ipynb").as_uri()
    texts = ["import torch\nloss = torch.ones(3, requires_grad=True).sum()", "print(1)", "print(loss.data[0])"]
    cells = notebook_cells(notebook, texts)
    client.notify("notebookDocument/didOpen", {
        "notebookDocument": {"uri": notebook, "notebookType": "jupyter-notebook", "version": 1,
                             "cells": [{"kind": 2, "document": cell["uri"]} for cell in cells]},
        "cellTextDocuments": cells,
    })
    published = {cell["uri"]: client.diagnostics(cell["uri"]) for cell in cells}
    assert published[cells[0]["uri"]] == [] and published[cells[1]["uri"]] == []
    [diagnostic] = published[cells[2]["uri"]]
    assert diagnostic["code"] == "DET504"
    assert diagnostic["range"] == {"start": {"line": 0, "character": 6}, "end": {"line": 0, "character": 18}}

    third = cells[2]["uri"]
    fix, noqa, fix_all = client.code_actions(third, diagnostic["range"])
    assert list(fix["edit"]["changes"]) == [third]
    assert apply(texts[2], fix["edit"]["changes"][third]) == "print(loss.item())"
    assert list(fix_all["edit"]["changes"]) == [third]

    change = {"notebook": {"uri": notebook, "version": 2}, "change": {"cells": {"textContent": [
        {"document": {"uri": third, "version": 2}, "changes": [{"text": "print(loss.item())"}]}]}}}
    client.notify("notebookDocument/didChange", {"notebookDocument": {"uri": notebook, "version": 2},
                                                 "change": change["change"]})
    assert {uri: client.diagnostics(uri) for uri in (c["uri"] for c in cells)}[third] == []
    client.notify("notebookDocument/didSave", {"notebookDocument": {"uri": notebook}})
    assert [client.diagnostics(c["uri"]) for c in cells] == [[], [], []]

    client.notify("notebookDocument/didClose", {"notebookDocument": {"uri": notebook},
                                                "cellTextDocuments": [{"uri": c["uri"]} for c in cells]})
    assert all(client.diagnostics(c["uri"]) == [] for c in cells)


def test_a_bad_setting_is_shown_once_and_the_file_is_not_checked(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.flake8-detach]\nselect = "DET-1"\n')
    client = start(tmp_path)
    try:
        uri = (tmp_path / "train.py").as_uri()
        assert client.open(uri, BUGGY) == []
        message = client.wait(lambda m: m.get("method") == "window/showMessage")["params"]
        assert message["type"] == 1 and "'DET-1' is not a code or code prefix" in message["message"]
        assert message["message"].startswith("flake8-detach: ") and "pyproject.toml: select:" in message["message"]
        assert client.change(uri, 2, FIXED) == []
        assert client.code_actions(uri, at(3, 10)) is None
        assert not [m for m in client.unread if m.get("method") == "window/showMessage"]  # once
    finally:
        assert client.stop() == 0


def test_without_the_extra_the_command_says_what_to_install():
    blocked = "import sys; sys.modules['pygls'] = None; from flake8_detach.frontends.cli import main; sys.exit(main(['server']))"
    result = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == "flake8-detach server: needs pygls; install it with: pip install 'flake8-detach[server]'\n"


def test_a_directory_named_server_is_checked_as_dot_slash_server(tmp_path):
    (tmp_path / "server").mkdir()
    (tmp_path / "server" / "train.py").write_text(BUGGY)
    result = subprocess.run([server_command()[0], "./server"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=TIMEOUT)
    message = "loss.data[0] indexes a 0-dim tensor: IndexError (use .item()) since PyTorch 0.4"
    assert (result.returncode, result.stdout) == (1, f"server/train.py:4:7: DET504 [*] {message}\n")


def test_exit_without_shutdown_is_status_1(tmp_path):
    client = start(tmp_path)
    client.notify("exit", None)
    assert client.process.wait(timeout=TIMEOUT) == 1
    client.process.stdin.close()


# ---- the edits, in-process ------------------------------------------------------------------

PROPERTIES = settings(max_examples=6, deadline=None, derandomize=True, database=None,
                      suppress_health_check=list(HealthCheck))
LINES = st.lists(st.sampled_from(["x = 1", "", "y", "z = 2  # c", "\t", "é"]), max_size=6)
BREAKS = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def texts(draw) -> str:
    return "".join(line + draw(BREAKS) for line in draw(LINES)) + draw(st.sampled_from(["", "w"]))


@PROPERTIES
@given(texts(), texts())
def test_text_edits_give_back_the_new_text_and_never_split_a_crlf(old, new):
    edits = text_edits(old, new)
    assert applied(old, edits) == new
    beginnings = [0] + [match.end() for match in cli.LINE_BREAK.finditer(old)]
    for start, end, _ in edits:
        for line, col in (start, end):
            offset = beginnings[line] + col
            assert old[offset - 1 : offset + 1] != "\r\n"


def test_text_edits_are_per_line_where_lines_are_replaced_one_for_one():
    old = "a = x.data\nb = 1\nc = y.data\n"
    assert text_edits(old, old.replace(".data", ".detach()")) == [
        ((0, 7), (0, 10), "etach()"), ((2, 7), (2, 10), "etach()")  # `data` -> `detach()`: the `d` stays
    ]


def findings_of(code: str) -> list:
    return [(v.code, v.line, v.col) for v in cli.lint(code, cli.RunOptions(rules=RULES))]


@PROPERTIES
@given(torch_programs())
def test_a_findings_fix_and_its_noqa_take_that_finding_away_and_keep_the_code_parsing(code):
    findings = cli.lint(code, cli.RunOptions(rules=RULES))
    places = [(finding.code, finding.line, finding.col) for finding in findings]
    first_of_each_code = {finding.code: (finding, place) for finding, place in reversed(list(zip(findings, places)))}
    for finding, place in first_of_each_code.values():  # each costs two checks: a few seconds in all
        others = [found for found in places if found[0] != finding.code]
        silenced = with_noqa(code, finding.line, finding.code)
        assert silenced is not None and parses_as_python(silenced)
        assert place not in findings_of(silenced)
        assert [found for found in findings_of(silenced) if found[0] != finding.code] == others
        if finding.fix is None:
            continue
        fixed = fix_one(code, RULES, None, lambda v: (v.code, v.line, v.col) == place)
        assert fixed is not None and parses_as_python(fixed)
        assert place not in findings_of(fixed)
