"""The flake8 selections the README recommends: the default one and `--extend-select DET` keep
E999 (a file Python cannot parse) next to the DET codes, `--select DET,E999` too, while a bare
`--select DET` drops it and passes a broken file, which is why the README warns against it."""

import subprocess
import sys

import pytest

BROKEN = "import torch\nprint 'x'\n"
FINDING = "import torch\n\nloss = torch.ones(3, requires_grad=True).sum()\nprint(loss.data[0])\n"  # DET504 at 4:7


def flake8(args, cwd) -> tuple:
    result = subprocess.run([sys.executable, "-m", "flake8", *args], cwd=cwd, capture_output=True, text=True,
                            timeout=120)
    codes = sorted({line.split()[1] for line in result.stdout.splitlines()})
    return result.returncode, codes


@pytest.fixture
def project(tmp_path):
    (tmp_path / "broken.py").write_text(BROKEN)
    (tmp_path / "train.py").write_text(FINDING)
    return tmp_path


@pytest.mark.parametrize("args", [[], ["--select", "DET,E999"]])
def test_recommended_selections_report_syntax_errors_and_det_codes(project, args):
    assert flake8([*args, "."], project) == (1, ["DET504", "E999"])


def test_extend_select_adds_det_to_a_configured_selection(project):
    (project / "setup.cfg").write_text("[flake8]\nselect = E,W,F\n")
    assert flake8(["."], project) == (1, ["E999"])
    assert flake8(["--extend-select", "DET", "."], project) == (1, ["DET504", "E999"])


def test_a_bare_select_det_passes_a_broken_file(project):
    assert flake8(["--select", "DET", "broken.py"], project) == (0, [])
