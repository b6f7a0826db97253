"""The two tiers: the default tier runs unless deselected; opt-in rules run only where selected."""

import re
import subprocess
import sys

import pytest

from flake8_detach.rules import DEFAULT, OPT_IN, RULES, select

LEGACY = (
    "import torch\nfrom torch.autograd import Variable\n\nx = Variable(torch.ones(2))\n"
    "d = x.detach()\nd.add_(1)\nprint(x)\n"
)


def test_select_without_prefixes_is_the_default_tier():
    assert select() == tuple(rule for rule in RULES if rule.tier == DEFAULT)
    assert {rule.tier for rule in RULES} == {DEFAULT, OPT_IN}
    assert "DET501" in [rule.code for rule in select(["DET"])]
    assert {rule.code for rule in select(None, (), ["DET501"])} == {r.code for r in select()} | {"DET501"}
    assert "DET501" not in [rule.code for rule in select(["DET"], ["DET5"])]
    assert select([]) == ()


@pytest.mark.parametrize("rule", [r for r in RULES if r.tier == OPT_IN], ids=lambda r: r.code)
def test_opt_in_rules_say_why(rule):
    assert len(rule.tier_reason) > 40


def codes(tmp_path, *args: str, pyproject: str = "") -> list:
    (tmp_path / "legacy.py").write_text(LEGACY)
    if pyproject:
        (tmp_path / "pyproject.toml").write_text(pyproject)
    result = subprocess.run([sys.executable, "-m", "flake8_detach", *args, "legacy.py"],
                            cwd=tmp_path, capture_output=True, text=True)
    assert re.fullmatch(r"(\d+ fixable with --fix.*\n)?", result.stderr), result.stderr  # no error
    return [line.split()[1] for line in result.stdout.splitlines()]


def test_the_command_runs_the_default_tier_unless_told(tmp_path):
    assert codes(tmp_path) == ["DET101"]
    assert codes(tmp_path, "--select", "DET") == ["DET501", "DET101"]
    assert codes(tmp_path, "--extend-select", "DET501") == ["DET501", "DET101"]
    assert codes(tmp_path, "--extend-select", "DET5", "--ignore", "DET501") == ["DET101"]


def test_pyproject_extend_select(tmp_path):
    assert codes(tmp_path, pyproject='[tool.flake8-detach]\nextend-select = ["DET501"]\n') == ["DET501", "DET101"]
