"""Editors, as they run the plugin: python-lsp-server driven over stdio like an editor drives
it (its flake8 plugin runs the first `flake8` on PATH on the buffer), and the command line the
VS Code Flake8 extension runs on a saved file."""

import os
import re
import subprocess
import sys
from pathlib import Path

from lsp_client import JsonRpcConnection

BIN = Path(sys.executable).parent  # where flake8 with this plugin is installed
BUGGY = "import torch\n\nloss = torch.ones(3, requires_grad=True).sum()\nprint(loss.data[0])\n"  # DET504 at 4:7
FIXED = BUGGY.replace("loss.data[0]", "loss.item()")
PLUGINS_OFF = ("pycodestyle", "pyflakes", "mccabe", "pydocstyle", "pylint", "autopep8", "yapf", "rope_autoimport")


class LanguageServer(JsonRpcConnection):
    """A client of `pylsp` over its standard input and output."""

    def __init__(self, cwd: Path) -> None:
        env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
        super().__init__([sys.executable, "-m", "pylsp"], cwd, env=env)

    def request(self, method: str, params: dict, timeout: float = 60) -> dict:
        number = self.send_request(method, params)
        return self.wait(lambda message: message.get("id") == number and "method" not in message, timeout)

    def wait(self, wanted, timeout: float = 60) -> dict:
        """The next message that `wanted` accepts (others are dropped, after answering the
        server's own requests, which a client must)."""
        while True:
            message = self.inbox.get(timeout=timeout)
            if "method" in message and "id" in message:  # e.g. window/workDoneProgress/create
                self.send({"id": message["id"], "result": None})
            if wanted(message):
                return message

    def diagnostics(self, uri: str, wanted) -> list:
        """The diagnostics of the next publication for `uri` that `wanted` accepts."""
        message = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri and wanted(m["params"]["diagnostics"]))
        return message["params"]["diagnostics"]

    def close(self) -> None:
        try:
            self.request("shutdown", {}, timeout=20)
            self.notify("exit", {})
            self.process.wait(timeout=20)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()


def det_codes(diagnostics: list) -> list:
    return [d["code"] for d in diagnostics if str(d.get("code", "")).startswith("DET")]


def test_python_lsp_server_shows_a_det_diagnostic_and_drops_it_once_fixed(tmp_path):
    path = tmp_path / "train.py"
    path.write_text(BUGGY)
    uri = path.as_uri()
    server = LanguageServer(tmp_path)
    try:
        server.request("initialize", {"processId": os.getpid(), "rootUri": tmp_path.as_uri(), "capabilities": {}})
        server.notify("initialized", {})
        plugins = {"flake8": {"enabled": True}, **{name: {"enabled": False} for name in PLUGINS_OFF}}
        server.notify("workspace/didChangeConfiguration", {"settings": {"pylsp": {"plugins": plugins}}})
        server.notify("textDocument/didOpen",
                      {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": BUGGY}})

        diagnostics = server.diagnostics(uri, det_codes)
        [finding] = [d for d in diagnostics if det_codes([d])]
        assert finding["code"] == "DET504" and finding["source"] == "flake8"
        assert finding["message"].startswith("DET504 loss.data[0] indexes a 0-dim tensor")
        line = BUGGY.splitlines(keepends=True)[3]
        assert finding["range"] == {"start": {"line": 3, "character": 6},  # 0-based: line 4, column 7
                                    "end": {"line": 3, "character": len(line)}}  # pylsp: to the end of the line

        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                                 "contentChanges": [{"text": FIXED}]})
        assert det_codes(server.diagnostics(uri, lambda found: not det_codes(found))) == []
    finally:
        server.close()


def test_the_vs_code_flake8_extension_command_line_reports_det_findings(tmp_path):
    """The extension runs flake8 in the chosen interpreter with its own --format on the saved
    file, and reads each line as row,col,type,code:message."""
    (tmp_path / "train.py").write_text(BUGGY)
    command = [sys.executable, "-m", "flake8", "--format=%(row)d,%(col)d,%(code).1s,%(code)s:%(text)s",
               str(tmp_path / "train.py")]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    parsed = [re.fullmatch(r"(\d+),(-?\d+),(\w+),(\w+\d+):(.*)", line).groups() for line in result.stdout.splitlines()]
    det = [row for row in parsed if row[3].startswith("DET")]
    assert det == [("4", "7", "D", "DET504", "loss.data[0] indexes a 0-dim tensor: IndexError (use .item()) since PyTorch 0.4")]
