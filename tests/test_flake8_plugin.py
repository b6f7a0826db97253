"""flake8 end to end: the plugin loads through its entry point, columns and noqa are flake8's."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_detach.frontends.flake8_plugin import Flake8Checker
from flake8_detach.frontends.plugin_data import FIRST_NEEDS
from flake8_detach.rules import RULES

FIXTURES = Path(__file__).parent / "fixtures"


def flake8(*args: str, cwd: Path = FIXTURES) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "DET", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
    )


def test_snapshot_pins_columns_and_noqa():
    result = flake8("--select", "DET,DET203", "flake8_snapshot.py")  # DET203: opt-in, named
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "flake8_snapshot.py:6:5: DET101 add_() on d also writes into x: detach() shares its storage",
        "flake8_snapshot.py:8:5: DET101 sub_() on d also writes into x: detach() shares its storage",
        "flake8_snapshot.py:11:9: DET203 zero_() through p.data is hidden from autograd's checks: write under torch.no_grad()",
        "flake8_snapshot.py:13:5: DET401 backward() on z, which does not require grad, raises RuntimeError",
    ]
    assert result.returncode == 1


def test_file_ast_rejects_gives_flake8_e999_and_no_traceback(tmp_path):
    # flake8 runs tree plugins only on files `ast` parses; it reports E999 for the rest.
    (tmp_path / "broken.py").write_text("import torch\nprint 'x'.detach()\n")
    result = flake8("--select", "DET,E999", "broken.py", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert [line.split(" ")[1] for line in result.stdout.splitlines()] == ["E999"]


def test_adapter_turns_a_parse_failure_into_one_det000():
    lines = ["import torch\n", "x.detach(\n"]
    findings = list(Flake8Checker(None, lines, "broken.py").run())
    assert len(findings) == 1
    line, col, message, _ = findings[0]
    with pytest.raises(SyntaxError) as python:  # the words and place are Python's own, which vary by version
        compile("".join(lines), "broken.py", "exec")
    assert message == f"DET000 cannot parse this file: {python.value.msg}"
    assert (line, col) == (python.value.lineno, python.value.offset - 1)
    if sys.version_info >= (3, 10):
        assert (message, line, col) == ("DET000 cannot parse this file: '(' was never closed", 2, 8)


def test_empty_and_torch_free_files_are_quiet(tmp_path):
    (tmp_path / "empty.py").write_text("")
    (tmp_path / "plain.py").write_text("def f(a):\n    return a.data + a.clone()\n")
    result = flake8("empty.py", "plain.py", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_plugin_is_registered_under_det():
    result = subprocess.run([sys.executable, "-m", "flake8", "--version"], capture_output=True, text=True)
    assert "flake8-detach" in result.stdout


LIBCST_LOADED = """
import ast, sys
from flake8_detach.frontends.flake8_plugin import Flake8Checker
loaded_on_import = "libcst" in sys.modules
source = sys.argv[1]
found = list(Flake8Checker(ast.parse(source), source.splitlines(True)).run())
print(loaded_on_import, "libcst" in sys.modules, len(found))
"""


def test_the_plugin_loads_libcst_only_for_files_that_hold_a_rules_words():
    def run(source: str) -> str:
        result = subprocess.run([sys.executable, "-c", LIBCST_LOADED, source], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return result.stdout.split()

    assert run("import os\nprint(os.getcwd())\n") == ["False", "False", "0"]
    assert run("import torch\nx = torch.ones(2)\nd = x.detach()\nd.add_(1)\nprint(x, d)\n") == ["False", "True", "1"]


def test_the_gate_lets_through_every_file_where_a_first_need_occurs():
    """The gate's patterns (plain alternatives of the first needs) are a superset of them."""
    for path in sorted(FIXTURES.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for rule in RULES:
            gate = [re.compile(pattern) for pattern in FIRST_NEEDS[rule.code]]
            for match in re.finditer(rule.needs[0], source):
                line = source[source.rfind("\n", 0, match.start()) + 1 : source.find("\n", match.end())]
                assert any(pattern.search(line) for pattern in gate), (path.name, rule.code, line)


FLAKE8_IN_PROCESS = """
import sys
from flake8.main.application import Application
from flake8_detach.frontends.flake8_plugin import Flake8Checker
app = Application()
app.run(sys.argv[1:])
ran = sorted(rule.code for rule in Flake8Checker.rules or ())
print(app.result_count, "libcst" in sys.modules, ran == sorted(Flake8Checker.running) and "DET101" not in ran)
"""


def test_only_the_rules_of_codes_flake8_reports_run(tmp_path):
    """A code flake8 ignores (opt-in by default, or by the user's ignore options) is not
    computed, and a file where only such rules could fire does not load libcst."""
    (tmp_path / "train.py").write_text(
        "import torch\n\n\ndef snapshot(x):\n    d = x.detach()\n    d.add_(1)\n    x.detach().zero_()\n    return torch.as_tensor(x)\n"
    )

    def run(*args: str) -> str:
        result = subprocess.run([sys.executable, "-c", FLAKE8_IN_PROCESS, "--isolated", *args, "train.py"],
                                cwd=tmp_path, capture_output=True, text=True)
        assert result.stderr == ""
        return result.stdout.splitlines()[-1]  # after the findings flake8 printed

    assert run() == "1 True False"  # DET101 found: its rule ran
    assert run("--extend-ignore", "DET101") == "0 True True"
    # DET1's other rules need other words; DET104 shares DET101's, but is opt-in
    assert run("--select", "DET1", "--extend-ignore", "DET101") == "0 False False"
    assert run("--select", "DET1,DET104", "--extend-ignore", "DET101") == "1 True True"


def test_code_without_torch_does_not_load_libcst(tmp_path):
    """Words the rules need (`backward(`, `detach`, `sum(`) in a file that never meets torch:
    the plugin passes it by before importing libcst or the rules."""
    (tmp_path / "drawing.py").write_text(
        "import turtle\n\n\ndef walk(t, d):\n    t.backward(d)\n    d2 = t.detach()\n    d2.add_(1)\n"
        "    return sum([d])\n"
    )
    result = subprocess.run([sys.executable, "-c", FLAKE8_IN_PROCESS, "--isolated", "--select", "DET", "drawing.py"],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.stderr == ""
    assert result.stdout.splitlines()[-1] == "0 False False"


def test_opt_in_codes_are_off_unless_selected(tmp_path):
    (tmp_path / "legacy.py").write_text(
        "import torch\nfrom torch.autograd import Variable\n\nx = Variable(torch.ones(2))\n"
        "d = x.detach()\nd.add_(1)\nprint(x)\n"
    )

    def codes(*args: str) -> list:
        result = subprocess.run([sys.executable, "-m", "flake8", "--isolated", *args, "legacy.py"],
                                cwd=tmp_path, capture_output=True, text=True)
        assert result.stderr == ""
        return [line.split()[1] for line in result.stdout.splitlines()]

    assert codes() == ["DET101"]
    assert codes("--extend-select", "DET501") == ["DET501", "DET101"]
    assert codes("--select", "DET501") == ["DET501"]
    # a prefix that names default-tier codes too does not turn the opt-in tier on
    assert codes("--select", "DET") == ["DET101"]
    assert codes("--select", "DET5") == []
