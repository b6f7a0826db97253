"""The linter never imports or runs what it checks, and its output is the same bytes whatever
the number of jobs, the hash seed, or the run."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_detach import check_source
from flake8_detach.pipeline.fixing import fix_source

pytestmark = pytest.mark.slow  # the fast loop (`pytest -m 'not slow'`) leaves this module out

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).with_name("flake8-detach")

# Every file below, run or imported, leaves a marker file and ends the process with status 3.
TRAP = (
    "import os\n"
    "open({marker!r}, 'a').write({name!r} + '\\n')\n"
    "os._exit(3)\n"
)
BODY = (
    "import torch\n"
    "x = torch.ones(3)\n"
    "d = x.detach()\n"
    "d.add_(1)\n"
    "print(x, d)\n"
    "w = torch.ones(3, requires_grad=True)\n"
    "y = w.sum().data[0]\n"
)


@pytest.fixture
def trapped(tmp_path) -> tuple:
    """A project whose every module, notebook, conftest and a `torch.py` that shadows torch
    would leave a marker if anything imported or ran them."""
    marker = tmp_path / "MARKER"
    project = tmp_path / "project"
    (project / "pkg").mkdir(parents=True)
    for name in ("evil.py", "torch.py", "conftest.py", "setup.py", "__main__.py", "pkg/__init__.py", "pkg/mod.py"):
        (project / name).write_text(TRAP.format(marker=str(marker), name=name) + BODY)
    cell = TRAP.format(marker=str(marker), name="evil.ipynb") + BODY
    (project / "evil.ipynb").write_text(json.dumps({
        "nbformat": 4, "nbformat_minor": 5, "metadata": {},
        "cells": [{"cell_type": "code", "source": cell, "metadata": {}, "outputs": [], "execution_count": None}],
    }))
    return project, marker


def test_nothing_checked_is_ever_imported_or_run(trapped):
    project, marker = trapped
    env = {**os.environ, "PYTHONPATH": str(project)}  # even with the project importable
    commands = [
        [str(SCRIPT), "."],
        [str(SCRIPT), "-j", "2", "--diff", "--unsafe-fixes", "."],
        [str(SCRIPT), "--format", "sarif", "evil.py", "evil.ipynb"],
        # `python -m` puts the project first on sys.path: its torch.py shadows torch.
        [sys.executable, "-m", "flake8", "--isolated", "--select", "DET", "."],
        [sys.executable, "-m", "flake8_detach", "--fix", "--unsafe-fixes", "."],
    ]
    for command in commands:
        result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300)
        assert not marker.exists(), f"{command} ran checked code: {marker.read_text()}"
        assert result.returncode in (0, 1), (command, result.returncode, result.stderr)
        assert "Traceback" not in result.stderr
        if "--fix" not in command and "--diff" not in command:
            assert "DET101" in result.stdout and "evil.py" in result.stdout, (command, result.stdout)
    # The last command fixed every file, so each was read and rewritten, never run.
    fixed = (project / "evil.py").read_text()
    assert "d = x.detach().clone()" in fixed and "y = w.sum().item()" in fixed
    assert "x.detach().clone()" in json.loads((project / "evil.ipynb").read_text())["cells"][0]["source"]
    # In-process too: the engine and the fixer only parse.
    source = TRAP.format(marker=str(marker), name="in-process") + BODY
    assert [v.code for v in check_source(source)] == ["DET101", "DET504"]
    assert fix_source(source, unsafe=True).source != source
    assert not marker.exists()


# ---- determinism -----------------------------------------------------------------------------


def output_of(args: list, cwd: Path, seed: int) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    result = subprocess.run([str(SCRIPT), *args], cwd=cwd, env=env, capture_output=True, timeout=600)
    assert result.returncode in (0, 1, 2) and b"Traceback" not in result.stderr, result.stderr
    return result.stdout + b"\n--- stderr ---\n" + result.stderr


@pytest.mark.parametrize("format", ["text", "sarif"])
def test_output_is_the_same_bytes_for_any_jobs_hash_seed_and_run(format):
    """The fixtures and examples, with one, two and three jobs and different hash seeds (set
    iteration order changes with the seed): byte-identical reports."""
    args = ["--format", format, "tests/fixtures", "examples"]
    settings = ((1, 0), (2, 1), (3, 2)) if format == "text" else ((1, 3), (2, 4))
    runs = [output_of(["-j", str(jobs), *args], ROOT, seed) for jobs, seed in settings]
    assert runs[0].count(b"DET") > 50
    assert all(run == runs[0] for run in runs[1:])


def test_diffs_are_the_same_bytes_for_any_jobs_and_hash_seed():
    args = ["--diff", "--unsafe-fixes", "tests/fixtures", "examples"]
    first = output_of(["-j", "1", *args], ROOT, 0)
    assert first.count(b"\n+++ ") > 5
    assert output_of(["-j", "2", *args], ROOT, 1) == first


def test_flake8_output_is_the_same_for_any_jobs_and_hash_seed():
    def flake8(jobs: str, seed: int) -> str:
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        command = [sys.executable, "-m", "flake8", "--isolated", "--select", "DET", "-j", jobs, "tests/fixtures", "examples"]
        return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600).stdout

    first = flake8("1", 0)
    assert first.count("DET") > 50 and flake8("2", 1) == first
