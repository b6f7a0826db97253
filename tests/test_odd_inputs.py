"""Inputs that used to crash, block or mislead: named pipes and devices on the command line, a
file too big for memory, numbers too long for int(), control characters and undecodable names
in the output, unclear encoding and notebook messages, an empty path, and the cost of locating
a finding in a huge notebook."""

import json
import os
import resource
import subprocess
import sys
import tracemalloc

import pytest
from test_cli import run

from flake8_detach.frontends import cli
from flake8_detach.pipeline.notebook import Notebook

DETACH = "import torch\nx = torch.ones(3)\nd = x.detach()\nd.add_(1)\nprint(x, d)\n"  # DET101 at 4:1
DET101_LINE = "ok.py:4:1: DET101 add_() on d also writes into x: detach() shares its storage"
ZERO_DIM_INDEX = "import torch\nw = torch.ones(3, requires_grad=True)\ny = w.sum().data[0]\n"  # DET504 at 3:5, safe fix


def lines(text: str) -> list:
    return text.splitlines()


def command(args: list, cwd, **options) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flake8_detach", *args], cwd=cwd, capture_output=True,
                          timeout=120, **options)


def notebook(cells: list) -> str:
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                       "cells": [{"cell_type": "code", "source": source, "metadata": {}, "outputs": [],
                                  "execution_count": None} for source in cells]}, indent=1)


# ---- 10. named pipes, devices, files too big for memory, long numbers ------------------------------


def test_a_named_pipe_given_on_the_command_line_is_reported_not_opened(tmp_path):
    (tmp_path / "ok.py").write_text(DETACH)
    os.mkfifo(tmp_path / "pipe.py")
    result = command(["pipe.py", "ok.py"], tmp_path, text=True)  # before: blocked until the timeout
    assert (result.returncode, lines(result.stdout)) == (2, [DET101_LINE])
    assert result.stderr == "pipe.py: error: not checked: a named pipe, not a regular file\n"


def test_a_device_given_on_the_command_line_is_reported_not_read(tmp_path):
    (tmp_path / "ok.py").write_text(DETACH)
    status, out, err = run(["/dev/zero", "ok.py"], tmp_path)
    assert (status, lines(out)) == (2, [DET101_LINE])
    assert err == "/dev/zero: error: not checked: a device, not a regular file\n"


def limit_memory() -> None:
    """In the child: at most 4 GiB of address space, so that reading a huge file fails at once
    whatever the system's overcommit policy."""
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def test_a_file_too_big_for_memory_is_one_error_line_and_exit_2(tmp_path):
    (tmp_path / "ok.py").write_text(DETACH)
    with open(tmp_path / "huge.py", "wb") as stream:
        stream.truncate(1 << 40)  # a sparse terabyte: no disk space used
    result = command(["huge.py", "ok.py"], tmp_path, text=True, preexec_fn=limit_memory)
    assert (result.returncode, lines(result.stdout)) == (2, [DET101_LINE])
    assert result.stderr == "huge.py: error: cannot read: not enough memory to read it (1,099,511,627,776 bytes)\n"


def test_running_out_of_memory_in_the_analysis_is_one_error_not_a_bug(tmp_path, monkeypatch):
    (tmp_path / "ok.py").write_text(DETACH)
    (tmp_path / "big.py").write_text(DETACH)
    real_lint = cli.lint

    def lint(source, options, path=None):
        if "big" in source:
            raise MemoryError()
        return real_lint(source, options, path)

    (tmp_path / "big.py").write_text(DETACH + "# big\n")
    monkeypatch.setattr(cli, "lint", lint)
    status, out, err = run(["big.py", "ok.py"], tmp_path)
    assert (status, lines(out)) == (2, [DET101_LINE])
    assert err == "big.py: error: not checked: not enough memory to analyse it\n"


def test_a_notebook_holding_a_number_too_long_for_int_is_checked_and_fixed(tmp_path):
    text = notebook([ZERO_DIM_INDEX]).replace('"execution_count": null', '"execution_count": 1' + "0" * 5000)
    (tmp_path / "n.ipynb").write_text(text)
    status, out, err = run(["n.ipynb"], tmp_path)
    assert (status, err) == (1, "1 fixable with --fix\n")
    assert out.startswith("n.ipynb:cell_1:3:5: DET504 ")
    status, out, err = run(["--fix", "n.ipynb"], tmp_path)
    assert (status, out, err) == (0, "", "fixed 1 finding in 1 file, 0 remaining\n")
    assert (tmp_path / "n.ipynb").read_text() == text.replace("w.sum().data[0]", "w.sum().item()")


# ---- 14. control characters and undecodable names --------------------------------------------------

ESCAPE_IN_CODE = "import torch\nx = torch.ones(3, requires_grad=True)\ny = (x  # \x1b[2J\x9b1m\u202e\n).sum().data[0]\n"


@pytest.mark.parametrize("format", ["text", "json", "sarif", "github"])
def test_control_characters_from_the_code_are_escaped_in_messages(tmp_path, format):
    (tmp_path / "a.py").write_text(ESCAPE_IN_CODE)
    status, out, err = run(["--format", format, "a.py"], tmp_path)
    assert (status, err) == (1, "1 fixable with --fix\n" if format == "text" else "")
    if format in ("json", "sarif"):  # JSON escapes them itself: look at the decoded messages
        data = json.loads(out)
        messages = [item["message"] for item in data] if format == "json" else [
            result["message"]["text"] for result in data["runs"][0]["results"]]
        out = "\n".join(messages)
    assert "\x1b" not in out and "\x9b" not in out and "\u202e" not in out
    assert "# \\x1b[2J\\x9b1m\\u202e" in out


def test_control_characters_in_file_names_are_escaped(tmp_path):
    (tmp_path / "clear\x1b[2J.py").write_text(ZERO_DIM_INDEX)
    (tmp_path / "two\nlines.py").write_bytes(b"\xff\n")
    status, out, err = run(["."], tmp_path)
    assert status == 2
    assert lines(out) == ["clear\\x1b[2J.py:3:5: DET504 [*] w.sum().data[0] indexes a 0-dim tensor: IndexError "
                          "(use .item()) since PyTorch 0.4"]
    assert len(lines(err)) == 2 and lines(err)[0].startswith("two\\nlines.py: error: cannot decode: ")
    assert lines(err)[1] == "1 fixable with --fix"
    github = run(["--format", "github", "."], tmp_path)[1]
    assert "\x1b" not in github and "file=clear\\x1b[2J.py," in github


def test_json_paths_of_undecodable_file_names_are_valid_unicode(tmp_path):
    name = os.fsdecode(b"caf\xe9.py")  # latin-1 bytes: not valid UTF-8
    (tmp_path / name).write_text(DETACH)
    result = command(["--format", "json", "."], tmp_path, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 1, result.stderr
    [finding] = json.loads(result.stdout.decode("utf-8"))  # strict UTF-8: no lone surrogates
    assert finding["path"] == "caf\\xe9.py"
    finding["path"].encode("utf-8")


# ---- 15. messages that say what is wrong ------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"\xff\xfe" + DETACH.encode("utf-16-le"),
         "cannot decode: it looks like UTF-16 (it starts with a UTF-16 byte order mark), and Python reads "
         "source code only as UTF-8 or as what a coding line names"),
        (b"\xfe\xff" + DETACH.encode("utf-16-be"),
         "cannot decode: it looks like UTF-16 (it starts with a UTF-16 byte order mark), and Python reads "
         "source code only as UTF-8 or as what a coding line names"),
        (b"# caf\xe9\n" + DETACH.encode(),
         "cannot decode: byte 0xe9 on line 1 is not UTF-8, and no coding line names another encoding"),
        (b"#!/usr/bin/env python\n# caf\xe9\n" + DETACH.encode(),
         "cannot decode: byte 0xe9 on line 2 is not UTF-8, and no coding line names another encoding"),
    ],
    ids=["utf-16-le", "utf-16-be", "bad-byte-on-line-1", "bad-byte-on-line-2"],
)
def test_undecodable_first_lines_say_which_byte_and_line(tmp_path, raw, message):
    (tmp_path / "ok.py").write_text(DETACH)
    (tmp_path / "bad.py").write_bytes(raw)
    status, out, err = run(["."], tmp_path)
    assert (status, lines(out)) == (2, [DET101_LINE])
    assert err == f"bad.py: error: {message}\n"


def test_an_nbformat_3_notebook_says_its_format_is_not_supported(tmp_path):
    old = {"nbformat": 3, "nbformat_minor": 0, "metadata": {"name": ""},
           "worksheets": [{"cells": [{"cell_type": "code", "input": DETACH, "language": "python", "outputs": []}]}]}
    (tmp_path / "old.ipynb").write_text(json.dumps(old))
    status, out, err = run(["old.ipynb"], tmp_path)
    assert (status, out) == (2, "")
    assert err == "old.ipynb: error: notebook format 3 is not supported; only nbformat 4 is\n"


def test_an_empty_path_is_a_usage_error_saying_so(tmp_path):
    (tmp_path / "ok.py").write_text(DETACH)
    status, out, err = run(["", "ok.py"], tmp_path)
    assert (status, out) == (2, "")
    assert err.splitlines()[-1] == "flake8-detach: error: an empty path was given"


# ---- 16. locating findings in a huge notebook -----------------------------------------------------------


def test_locating_a_finding_in_the_ipynb_file_does_not_decode_the_outputs():
    """sarif and github name the line of the .ipynb file: finding it must cost next to nothing
    beside reading the notebook, however big its outputs."""
    printed = [f"step {n}: loss {n / 7:.5f}\n" for n in range(100_000)]
    data = json.loads(notebook(["import torch\nfor step in range(100_000):\n    print(step)", ZERO_DIM_INDEX]))
    data["cells"][0]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": printed}]
    data["cells"][1]["source"] = ZERO_DIM_INDEX.splitlines(keepends=True)
    text = json.dumps(data, indent=1)
    checked = Notebook(text)
    tracemalloc.start()
    try:
        file_line = checked.file_line(2, 3)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert text.splitlines()[file_line - 1].strip() == '"y = w.sum().data[0]\\n"'
    assert peak < len(text) / 10, f"{peak:,} bytes allocated to locate a line in {len(text):,} characters"


# A tab then a space, and two tabs then a space: CPython accepts this consistent mix (a tab
# reaches the next multiple of 8 columns), libcst's tokenizer rejects it.
MIXED_INDENTATION = (
    "import torch\n\n\ndef f(x):\n"
    "\t w = torch.ones(3, requires_grad=True)\n"
    "\t loss = torch.nn.MSELoss()(x, x)\n"
    "\t if True:\n"
    "\t\t w.add_(1)\n"
    "\t\t print(loss.data[0])\n"
    "\t return w\n"
)


def test_code_that_python_compiles_with_mixed_tabs_and_spaces_is_analysed_in_its_own_columns(tmp_path):
    import libcst

    compile(MIXED_INDENTATION, "mixed.py", "exec")
    with pytest.raises(libcst.ParserSyntaxError):
        libcst.parse_module(MIXED_INDENTATION)
    (tmp_path / "mixed.py").write_text(MIXED_INDENTATION)
    status, out, err = run(["--format", "json", "mixed.py"], tmp_path)
    found = [(f["code"], f["line"], f["col"], f["end_col"]) for f in json.loads(out)]
    assert found == [("DET103", 8, 3, 12), ("DET504", 9, 9, 21)]
    status, out, err = run(["--fix", "mixed.py"], tmp_path)
    assert (tmp_path / "mixed.py").read_text() == MIXED_INDENTATION.replace("loss.data[0]", "loss.item()")
