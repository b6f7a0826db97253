"""The robustness sweep (tools/sweep.py) on what CI affords: the benchmark corpus subset (218
files of seven pinned wheels, downloaded from PyPI once per clone by benchmarks/build_corpus.py)
and every 40th .py file of the standard library and of the installed torch. Every count of a
problem must be 0. The full sweep is `python tools/sweep.py --flake8` (README, "Robustness")."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # the fast loop (`pytest -m 'not slow'`) leaves this module out

ROOT = Path(__file__).resolve().parent.parent
SWEEP = ROOT / "tools" / "sweep.py"
SUBSET = ROOT / "benchmarks" / ".cache" / "corpus" / "subset"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("sweep") / "sweep.json"
    result = subprocess.run(
        [sys.executable, str(SWEEP), "--corpus", "subset", "--sample", "40", "--jobs", "2", "--json", str(out)],
        capture_output=True, text=True, timeout=1800,
    )
    assert out.exists(), f"the sweep did not finish (exit status {result.returncode}):\n{result.stderr[-3000:]}"
    data = json.loads(out.read_text())
    data["stdout"] = result.stdout
    return data


def test_sweep_of_corpus_subset_stdlib_and_torch_finds_no_problem(report, capsys):
    with capsys.disabled():  # the counts belong in CI's log
        print("\n" + report["table"])
    sources = report["sources"]
    assert set(sources) == {"corpus-subset", "stdlib", "torch"}
    assert sources["corpus-subset"]["counts"]["files"] >= 200
    assert sources["stdlib"]["counts"]["files"] >= 40 and sources["torch"]["counts"]["files"] >= 50
    problems = {kind: count for kind, count in report["total"]["problems"].items() if count}
    assert problems == {}, report["stdout"][-6000:]


def test_det000_only_where_python_rejects_the_file_too(report):
    for _, path, det000, ast_error in report["det000_files"]:
        assert ast_error, f"{path}: DET000 ({det000}) although Python's ast accepts the file"


def test_corpus_subset_output_is_the_same_for_any_jobs_and_hash_seed(report):
    def run(jobs: str, seed: str) -> bytes:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        # every tier: the default one finds (next to) nothing in library code, which would compare nothing
        command = [sys.executable, "-m", "flake8_detach", "-j", jobs, "--select", "DET", "--format", "json", str(SUBSET)]
        result = subprocess.run(command, capture_output=True, env=env, timeout=900)
        assert result.returncode in (0, 1), result.stderr[-2000:]
        return result.stdout

    first = run("1", "0")
    assert len(json.loads(first)) > 10
    assert run("2", "1") == first


@pytest.mark.parametrize("mode, kind", [("crash", "crashes"), ("hang", "timeouts")])
def test_a_file_that_kills_or_hangs_its_worker_is_counted_and_the_sweep_goes_on(tmp_path, mode, kind):
    for name in ("a.py", "bad.py", "c.py", "d.py"):
        (tmp_path / name).write_text("import torch\nx = torch.ones(3)\nd = x.detach()\nd.add_(1)\n")
    out = tmp_path / "report.json"
    command = [sys.executable, str(SWEEP), "--corpus", "none", "--no-stdlib", "--no-torch", "--no-cli",
               "--paths", str(tmp_path), "--jobs", "2", "--timeout", "5", "--json", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "SWEEP_SELFTEST": f"{mode}:bad.py"})
    assert result.returncode == 1
    report = json.loads(out.read_text())
    assert report["sources"]["paths"]["counts"]["files"] == 4
    assert {kind: 1} == {k: v for k, v in report["total"]["problems"].items() if v}
    assert [(Path(path).name, problem) for _, path, problem, _ in report["problems"]] == [("bad.py", kind)]
