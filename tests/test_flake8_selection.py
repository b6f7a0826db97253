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


OPT_IN = "import torch\n\nw = torch.ones(3, requires_grad=True)\nprint(w.data)\n"  # DET202 (opt-in) at 4:7


@pytest.mark.parametrize("args, config, codes", [
    ([], "", []),
    (["--ignore", "E501"], "", []),  # flake8's default-ignore list is dropped
    ([], "[flake8]\nignore = E501\n", []),
    (["--extend-select", "DET"], "", []),
    (["--select", "DET,E999"], "", []),
    (["--select", "E,W,F,DET2"], "", []),  # DET2 names default-tier codes too
    (["--extend-select", "DET202"], "", ["DET202"]),
    (["--ignore", "E501", "--extend-select", "DET202"], "", ["DET202"]),
    ([], "[flake8]\nextend-select = DET202\n", ["DET202"]),
])
def test_an_opt_in_rule_stays_off_unless_a_selection_names_it(tmp_path, args, config, codes):
    (tmp_path / "train.py").write_text(OPT_IN)
    if config:
        (tmp_path / "setup.cfg").write_text(config)
    assert flake8([*args, "train.py"], tmp_path)[1] == codes
