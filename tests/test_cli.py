"""The standalone command line: paths, exit codes, select/ignore, pyproject settings, rule docs."""

import io
import json
import os
import signal
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from flake8_detach import __version__
from flake8_detach.frontends import cli
from flake8_detach.frontends.cli import main
from flake8_detach.docs import rule_doc
from flake8_detach.rules import RULES

DETACH = "import torch\n\nx = torch.ones(3)\nd = x.detach()\nd.add_(1)\nprint(x, d)\n"  # DET101 at 5:1
# DET201 at 5:1 and DET503 at 7:15 (default tier), DET202 at 6:5 (opt-in)
DATA = (
    "import torch\n\nw = torch.ones(3, requires_grad=True)\nloss = (w ** 2).sum()\nw.data.mul_(0.5)\n"
    "y = loss.data.cpu()\nloss.backward(retain_variables=True)\n"
)
CLEAN = "import torch\n\nx = torch.ones(3)\nd = x.detach().clone()\nd.add_(1)\nprint(x, d)\n"
UNPARSABLE = "import torch\nx.detach(\n"
RULE = {rule.code: rule for rule in RULES}
real_check_file = cli.check_file


def run(args, cwd) -> tuple:
    """(exit status, stdout, stderr) of `flake8-detach ARGS` run in `cwd`, in this process."""
    out, err = io.StringIO(), io.StringIO()
    before = os.getcwd()
    os.chdir(cwd)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                status = main([str(arg) for arg in args])
            except SystemExit as exit:
                status = exit.code
    finally:
        os.chdir(before)
    return status, out.getvalue(), err.getvalue()


def write(root: Path, files: dict) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_findings_print_as_flake8_does_with_1_based_columns_and_exit_1(tmp_path):
    write(tmp_path, {"a.py": DETACH})
    status, out, err = run(["a.py"], tmp_path)
    assert (status, err) == (1, "")  # DET101's fix is unsafe: no [*], no summary
    assert out == "a.py:5:1: DET101 add_() on d also writes into x: detach() shares its storage\n"


def test_clean_files_exit_0_silently(tmp_path):
    write(tmp_path, {"a.py": CLEAN, "b.py": "print('no torch here')\n"})
    assert run([], tmp_path) == (0, "", "")


def test_no_paths_means_the_current_directory_and_output_is_sorted(tmp_path):
    write(tmp_path, {"z.py": DETACH, "pkg/b.py": DATA, "pkg/a.py": DETACH, "m.py": DETACH})
    status, out, _ = run([], tmp_path)
    assert status == 1
    assert [line.split(":")[0] for line in out.splitlines()] == ["m.py", "pkg/a.py", "pkg/b.py", "pkg/b.py", "z.py"]
    assert [line.split(":")[1] for line in out.splitlines() if line.startswith("pkg/b.py")] == ["5", "7"]


def test_parallel_jobs_give_the_same_output_in_the_same_order(tmp_path):
    write(tmp_path, {f"d{n % 3}/f{n}.py": DETACH if n % 2 else DATA for n in range(12)})
    serial = run([], tmp_path)
    assert serial[0] == 1 and len(serial[1].splitlines()) == 18
    assert run(["--jobs", "3"], tmp_path) == serial
    assert run(["-j", "2", "--format", "json"], tmp_path)[1] == run(["--format", "json"], tmp_path)[1]


def test_a_file_libcst_cannot_parse_exits_2_and_still_prints_det000_and_other_findings(tmp_path):
    write(tmp_path, {"a.py": DETACH, "broken.py": UNPARSABLE})
    status, out, _ = run([], tmp_path)
    assert status == 2
    lines = out.splitlines()
    assert lines[0].startswith("a.py:5:1: DET101")
    assert lines[1].startswith("broken.py:") and " DET000 cannot parse this file" in lines[1]


def test_missing_unreadable_and_undecodable_files_exit_2_with_one_line_each(tmp_path):
    write(tmp_path, {"a.py": DETACH})
    (tmp_path / "latin.py").write_bytes(b"import torch\nname = '\xe9'\n")
    (tmp_path / "dangling.py").symlink_to(tmp_path / "nowhere.py")
    status, out, err = run([".", "missing.py"], tmp_path)
    assert status == 2
    assert out.startswith("a.py:5:1: DET101")
    assert sorted(err.splitlines()) == [
        "dangling.py: error: cannot read: No such file or directory",
        "latin.py: error: cannot decode: 'utf-8' codec can't decode byte 0xe9 in position 21: invalid continuation byte (line 2)",
        "missing.py: error: no such file or directory",
    ]


def test_a_declared_source_encoding_is_honoured(tmp_path):
    (tmp_path / "latin.py").write_bytes(b"# -*- coding: latin-1 -*-\nimport torch\nname = '\xe9'\n")
    assert run(["latin.py"], tmp_path) == (0, "", "")


def test_default_skips_while_walking_but_named_paths_are_checked(tmp_path):
    skipped = [".git", ".venv", "venv", "env_with_cfg", "lib/site-packages", "build", "__pycache__", ".tox"]
    write(tmp_path, {f"{directory}/bad.py": DETACH for directory in skipped})
    write(tmp_path, {"env_with_cfg/pyvenv.cfg": "home = /usr\n", "src/bad.py": DETACH, "src/notes.txt": DETACH})
    status, out, _ = run([], tmp_path)
    assert [line.split(":")[0] for line in out.splitlines()] == ["src/bad.py"]
    status, out, _ = run(["build/bad.py", "src/notes.txt"], tmp_path)
    assert [line.split(":")[0] for line in out.splitlines()] == ["build/bad.py", "src/notes.txt"]


def test_exclude_matches_names_and_anchored_paths(tmp_path):
    write(tmp_path, {"a.py": DETACH, "gen/b.py": DETACH, "pkg/gen/c.py": DETACH, "pkg/test_d.py": DETACH})
    status, out, _ = run(["--exclude", "gen,test_*.py"], tmp_path)
    assert [line.split(":")[0] for line in out.splitlines()] == ["a.py"]
    status, out, _ = run(["--exclude", "./gen/*"], tmp_path)
    assert [line.split(":")[0] for line in out.splitlines()] == ["a.py", "pkg/gen/c.py", "pkg/test_d.py"]
    status, out, _ = run(["--exclude", "a.py", "a.py"], tmp_path)  # applies to named files too
    assert (status, out) == (0, "")


def test_select_and_ignore_take_code_prefixes(tmp_path):
    write(tmp_path, {"a.py": DETACH, "b.py": DATA})
    codes = lambda *args: [line.split()[1] for line in run(list(args), tmp_path)[1].splitlines()]  # noqa: E731
    assert codes() == ["DET101", "DET201", "DET503"]
    assert codes("--select", "DET2") == ["DET201", "DET202"]
    assert codes("--select", "DET101,DET202") == ["DET101", "DET202"]
    assert codes("--ignore", "DET20") == ["DET101", "DET503"]
    assert codes("--select", "DET2", "--ignore", "DET202") == ["DET201"]
    assert run(["--select", "E501"], tmp_path) == (0, "", "")


@pytest.mark.parametrize("args", [["--select", "det1"], ["--ignore", "DET1O1"], ["--jobs", "0"], ["--format", "xml"]])
def test_bad_option_values_are_usage_errors(tmp_path, args):
    status, out, err = run(args, tmp_path)
    assert (status, out) == (2, "")
    assert "flake8-detach: error:" in err


def test_unsafe_fixes_need_fix_or_diff(tmp_path):
    status, _, err = run(["--unsafe-fixes"], tmp_path)
    assert status == 2 and "--unsafe-fixes needs --fix or --diff" in err


def test_pyproject_settings_are_found_above_the_paths_and_the_command_line_wins(tmp_path):
    write(tmp_path, {"proj/pkg/a.py": DETACH, "proj/pkg/b.py": DATA, "proj/pkg/gen/c.py": DETACH})
    write(tmp_path, {"proj/pyproject.toml": '[tool.flake8-detach]\nselect = ["DET2"]\nexclude = ["pkg/gen"]\n'})
    status, out, _ = run(["proj/pkg"], tmp_path)
    assert [line.split()[1] for line in out.splitlines()] == ["DET201", "DET202"]
    status, out, _ = run(["--select", "DET1", "proj/pkg"], tmp_path)
    assert [line.split(":")[0] for line in out.splitlines()] == ["proj/pkg/a.py"]  # gen/ still excluded


def test_pyproject_without_the_table_is_passed_over_for_one_further_up(tmp_path):
    write(tmp_path, {"pyproject.toml": "[tool.flake8-detach]\nignore = 'DET101'\nformat = 'json'\n"})
    write(tmp_path, {"sub/pyproject.toml": "[project]\nname = 'x'\n", "sub/a.py": DETACH + DATA})
    status, out, _ = run([], tmp_path / "sub")
    assert [item["code"] for item in json.loads(out)] == ["DET201", "DET503"]


@pytest.mark.parametrize(
    "table, message",
    [
        ("[tool.flake8-detach]\nselekt = ['DET1']\n", "unknown option 'selekt'"),
        ("[tool.flake8-detach]\njobs = 'many'\n", "jobs must be a whole number"),
        ("[tool.flake8-detach]\nselect = [1]\n", "expected codes as a list of strings"),
        ("[tool.flake8-detach\n", "cannot read"),
    ],
)
def test_bad_pyproject_settings_are_usage_errors_naming_the_file(tmp_path, table, message):
    write(tmp_path, {"pyproject.toml": table, "a.py": DETACH})
    status, out, err = run([], tmp_path)
    assert (status, out) == (2, "")
    assert message in err and "pyproject.toml" in err


def test_version(tmp_path):
    assert run(["--version"], tmp_path) == (0, f"flake8-detach {__version__}\n", "")


def test_rule_prints_the_rules_doc_by_code_or_name(tmp_path):
    assert run(["rule", "DET101"], tmp_path) == (0, rule_doc(RULE["DET101"]), "")
    assert run(["rule", "det101"], tmp_path) == run(["rule", RULE["DET101"].name], tmp_path)
    status, out, _ = run(["rule", "DET202", "--format", "json"], tmp_path)
    data = json.loads(out)
    assert (status, data["code"], data["fix_safety"], data["doc"]) == (0, "DET202", "safe", rule_doc(RULE["DET202"]))


def test_rule_all_lists_every_rule(tmp_path):
    status, out, _ = run(["rule", "--all"], tmp_path)
    assert status == 0
    assert [line.split()[:2] for line in out.splitlines()] == [[rule.code, rule.name] for rule in RULES]
    assert all(line.endswith(rule.message) for line, rule in zip(out.splitlines(), RULES))
    listed = json.loads(run(["rule", "--all", "--format", "json"], tmp_path)[1])
    assert [(item["code"], item["message"]) for item in listed] == [(rule.code, rule.message) for rule in RULES]


@pytest.mark.parametrize("args", [["rule", "DET999"], ["rule"], ["rule", "DET101", "--all"]])
def test_rule_usage_errors(tmp_path, args):
    status, out, err = run(args, tmp_path)
    assert (status, out) == (2, "") and err


def test_console_script_and_module_entry_points(tmp_path):
    write(tmp_path, {"a.py": DETACH})
    script = Path(sys.executable).with_name("flake8-detach")
    for command in ([str(script)], [sys.executable, "-m", "flake8_detach"]):
        result = subprocess.run([*command, "a.py"], cwd=tmp_path, capture_output=True, text=True)
        assert (result.returncode, result.stdout.split(" ")[1]) == (1, "DET101")


def check_or_crash(path, options):
    """Stands in for a parser crash: kills the worker process on `crash*.py`."""
    if Path(path).name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGSEGV)
    return real_check_file(path, options)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_that_kills_the_checking_process_is_one_error_and_the_run_goes_on(tmp_path, monkeypatch, jobs):
    write(tmp_path, {"a.py": DETACH, "crash.py": DETACH, "m.py": DATA, "z.py": DETACH})
    monkeypatch.setattr(cli, "check_file", check_or_crash)
    status, out, err = run(["-j", jobs], tmp_path)
    assert status == 2
    assert err == f"crash.py: error: {cli.CRASH}\n1 fixable with --fix (2 fixable with --unsafe-fixes)\n"
    assert [line.split(":")[0] for line in out.splitlines()] == ["a.py", "m.py", "m.py", "z.py"]
