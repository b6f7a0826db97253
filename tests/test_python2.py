"""Python 2 print statements and `async` as a name (Python <= 3.6): the file is checked as if each
were written for Python 3, and never fixed."""

import json
import subprocess
import sys

import pytest

from flake8_detach import check_source
from flake8_detach.syntax.ast_syntax import parses_as_python
from flake8_detach.syntax.python2 import with_async_renamed, with_print_calls

PY2_LOG = """\
import torch
import torch.nn as nn

criterion = nn.MSELoss()
w = torch.ones(3, requires_grad=True)
loss = criterion(w * 2, torch.zeros(3))
loss.backward()
print 'loss', loss.data[0]  # the 0.3 way
"""


@pytest.mark.parametrize("written, as_call", [
    ("print 'loss', x.data[0]  # log\n", "print('loss', x.data[0])  # log\n"),
    ("print\n", "print()\n"),
    ("print x; y = 1\n", "print(x); y = 1\n"),
    ("if x: print x,\n", "if x: print(x,)\n"),
    ("print (a), b\n", None),
    ("print 'a'\nprint >>log, x.data[0]\n", "print('a')\nprint >>log, x.data[0]\n"),  # an expression in Python 3  # a tuple expression in Python 3 as well: nothing to change
    ("print ('a %d' %\n       n)\n", None),
    ("print 'a', [1,\n          2]\n", "print('a', [1,\n          2])\n"),
])
def test_print_statements_become_calls_in_place(written, as_call):
    assert with_print_calls(written) == as_call


def test_a_python2_file_is_checked_as_calls_and_its_findings_carry_no_fix():
    assert not parses_as_python(PY2_LOG)
    found = check_source(PY2_LOG)
    assert [(v.line, v.col, v.code) for v in found] == [(8, 14, "DET504")]
    assert found[0].fix is None
    ported = check_source(PY2_LOG.replace("print 'loss', loss.data[0]", "print('loss', loss.data[0])"))
    assert [(v.line, v.col, v.code) for v in ported] == [(8, 14, "DET504")] and ported[0].fix is not None


def test_what_is_still_not_python3_after_the_prints_is_det000_as_before():
    source = PY2_LOG + "exec 'step = 1'\n"  # an exec statement: Python's own error, at the first print
    [found] = check_source(source)
    assert (found.line, found.code) == (8, "DET000")
    assert found.message.startswith("cannot parse this file: Missing parentheses in call to 'print'")


def test_the_command_does_not_fix_a_python2_file(tmp_path):
    (tmp_path / "old.py").write_text(PY2_LOG)
    result = subprocess.run([sys.executable, "-m", "flake8_detach", "--fix", "--unsafe-fixes", "old.py"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "old.py:8:15: DET504" in result.stdout and "[*]" not in result.stdout
    assert (tmp_path / "old.py").read_text() == PY2_LOG


@pytest.mark.parametrize("written, renamed", [
    ("x = x.cuda(async=True)\n", "x = x.cuda(Async=True)\n"),
    ("def __init__(self, replay, async=True):\n    self.async = async\n",
     "def __init__(self, replay, Async=True):\n    self.Async = Async\n"),
    ("async def f():\n    async for x in y:\n        async with z:\n            pass\n", None),  # the keyword
])
def test_async_used_as_a_name_is_renamed_in_place(written, renamed):
    assert with_async_renamed(written) == renamed


OLD_GPU_COPY = """\
import torch


def train(model, loader, criterion, optimizer):
    for x, y in loader:
        x, y = x.cuda(async=True), y.cuda(async=True)
        loss = criterion(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        print(loss.data[0])
"""


def test_a_file_with_async_keywords_is_checked_and_its_findings_carry_no_fix():
    assert not parses_as_python(OLD_GPU_COPY)
    found = check_source(OLD_GPU_COPY)
    assert [(v.line, v.col, v.code) for v in found] == [(11, 14, "DET504")]
    assert found[0].fix is None
    ported = check_source(OLD_GPU_COPY.replace("async=True", "non_blocking=True"))
    assert [(v.line, v.col, v.code) for v in ported] == [(11, 14, "DET504")] and ported[0].fix is not None


def _notebook(*cells: str) -> str:
    return json.dumps({
        "nbformat": 4, "nbformat_minor": 2, "metadata": {},
        "cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                   "source": cell.splitlines(True)} for cell in cells],
    }, indent=1) + "\n"


NOTEBOOK = _notebook(
    "import torch\nimport torch.nn as nn\ncriterion = nn.MSELoss()\nw = torch.ones(3, requires_grad=True)\n",
    "loss = criterion(w * 2, torch.zeros(3))\nloss.backward()\nprint 'loss', loss.data[0]\n",
    "print(loss.data[0])\n",
)


def test_a_python2_cell_is_checked_and_never_fixed_while_the_other_cells_are(tmp_path):
    (tmp_path / "old.ipynb").write_text(NOTEBOOK)
    listed = subprocess.run([sys.executable, "-m", "flake8_detach", "old.ipynb"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert listed.stdout.splitlines()[:2] == [
        "old.ipynb:cell_2:3:15: DET504 loss.data[0] indexes a 0-dim tensor: IndexError (use .item()) since PyTorch 0.4",
        "old.ipynb:cell_3:1:7: DET504 [*] loss.data[0] indexes a 0-dim tensor: IndexError (use .item()) since PyTorch 0.4",
    ]
    subprocess.run([sys.executable, "-m", "flake8_detach", "--fix", "old.ipynb"],
                   cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert (tmp_path / "old.ipynb").read_text() == NOTEBOOK.replace(
        '"print(loss.data[0])\\n"', '"print(loss.item())\\n"'
    )


def test_not_equal_of_python2_is_read_as_python3_with_columns_kept():
    source = PY2_LOG.replace("print 'loss', loss.data[0]  # the 0.3 way", "logged = [loss.data[0]] if 1 <> 2 else []")
    assert not parses_as_python(source)
    assert [(v.line, v.col, v.code, v.fix) for v in check_source(source)] == [(8, 10, "DET504", None)]


def test_indentation_mixing_tabs_and_spaces_is_read_as_python2_did_with_columns_as_written():
    source = PY2_LOG.replace(
        "print 'loss', loss.data[0]  # the 0.3 way", "for step in range(2):\n\tif step:\n\t\tprint(loss.data[0])\n        step += 1"
    )
    assert not parses_as_python(source)
    [found] = check_source(source)
    assert (found.line, found.col, found.code, found.fix) == (10, 8, "DET504", None)  # after two tabs


def test_a_script_exported_from_a_notebook_is_checked_without_its_ipython_lines():
    source = "%matplotlib inline\n!pip install torch\n" + PY2_LOG.replace(
        "print 'loss', loss.data[0]  # the 0.3 way", "for _ in range(2):\n    %time print(loss.data[0])\n    print(loss.data[0])"
    )
    assert not parses_as_python(source)
    assert [(v.line, v.col, v.code, v.fix) for v in check_source(source)] == [(12, 10, "DET504", None)]


def test_a_line_that_continues_a_statement_with_a_percent_is_no_ipython_line():
    source = PY2_LOG.replace("print 'loss', loss.data[0]  # the 0.3 way", "print('loss %f'\n      % loss.data[0])\nprint 'done'")
    assert not parses_as_python(source)
    assert [(v.line, v.col, v.code) for v in check_source(source)] == [(9, 8, "DET504")]
