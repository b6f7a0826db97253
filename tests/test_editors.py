"""Editors, as they run the plugin: python-lsp-server driven over stdio like an editor drives
it (its flake8 plugin runs the first `flake8` on PATH on the buffer), and the command line the
VS Code Flake8 extension runs on a saved file."""

import json
import os
import queue
import re
import subprocess
import sys
import threading
from pathlib import Path

BIN = Path(sys.executable).parent  # where flake8 with this plugin is installed
BUGGY = "import torch\n\nloss = torch.ones(3, requires_grad=True).sum()\nprint(loss.data[0])\n"  # DET504 at 4:7
FIXED = BUGGY.replace("loss.data[0]", "loss.item()")
PLUGINS_OFF = ("pycodestyle", "pyflakes", "mccabe", "pydocstyle", "pylint", "autopep8", "yapf", "rope_autoimport")


class LanguageServer:
    """A JSON-RPC client of `pylsp` over its standard input and output."""

    def __init__(self, cwd: Path) -> None:
        env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pylsp"], cwd=cwd, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
        self.inbox: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            self.inbox.put(json.loads(stream.read(int(headers["content-length"]))))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.process.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict, timeout: float = 60) -> dict:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.wait(lambda message: message.get("id") == self.next_id and "method" not in message, timeout)

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
