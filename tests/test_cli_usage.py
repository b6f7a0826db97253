"""The command as other tools drive it: excludes for named files (pre-commit), standard input
(editors), diffs that `git apply` takes, the help text, settings that would silently check
nothing, DET000's documentation and the end positions of findings."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from test_cli import DATA, DETACH, run, write

from flake8_detach.docs import parse_error_doc

COMMAND = [sys.executable, "-m", "flake8_detach"]


def run_with_input(args, cwd, data: bytes) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *args], cwd=cwd, input=data, capture_output=True, timeout=120)


# ---- excludes ----------------------------------------------------------------------------


@pytest.mark.parametrize("pattern", ["generated", "./generated", "gen*", "./generated/*"])
def test_an_excluded_directory_covers_the_files_named_inside_it(tmp_path, pattern):
    write(tmp_path, {"generated/model.py": DETACH, "generated/deep/more.py": DETACH, "kept.py": DETACH})
    status, out, err = run(["--exclude", pattern, "generated/model.py", "generated/deep/more.py", "kept.py"], tmp_path)
    assert (status, err) == (1, "")
    assert [line.split(":")[0] for line in out.splitlines()] == ["kept.py"]
    assert run(["--exclude", pattern, "generated/deep"], tmp_path)[:2] == (0, "")


def test_a_pyproject_exclude_covers_named_files_and_is_relative_to_the_pyproject(tmp_path):
    write(tmp_path, {"legacy/old.py": DETACH, "src/legacy_ok.py": DETACH, "src/vendor/lib.py": DATA})
    (tmp_path / "pyproject.toml").write_text('[tool.flake8-detach]\nexclude = ["legacy", "src/vendor"]\n')
    status, out, _ = run(["legacy/old.py", "src/legacy_ok.py", "src/vendor/lib.py"], tmp_path)
    assert status == 1 and [line.split(":")[0] for line in out.splitlines()] == ["src/legacy_ok.py"]
    # from a subdirectory, the patterns still mean the same files
    status, out, _ = run(["../legacy/old.py", "legacy_ok.py", "vendor/lib.py"], tmp_path / "src")
    assert status == 1 and [line.split(":")[0] for line in out.splitlines()] == ["legacy_ok.py"]


def test_a_name_pattern_does_not_match_the_directories_above_the_current_one(tmp_path):
    project = tmp_path / "generated" / "project"
    write(project, {"a.py": DETACH})
    assert run(["--exclude", "generated", "a.py"], project)[0] == 1
    assert run(["--exclude", "project", "."], project)[0] == 1
    assert run(["--exclude", ".*", "."], project)[0] == 1  # `.` itself is no hidden directory


# ---- standard input ----------------------------------------------------------------------


def test_standard_input_is_checked_and_named_by_stdin_filename(tmp_path):
    result = run_with_input(["-"], tmp_path, DETACH.encode())
    assert (result.returncode, result.stdout.decode()) == (
        1, "stdin:5:1: DET101 add_() on d also writes into x: detach() shares its storage\n")
    result = run_with_input(["--stdin-filename", "src/train.py", "-"], tmp_path, DETACH.encode())
    assert result.stdout.decode().startswith("src/train.py:5:1: DET101 ")
    assert run_with_input(["-"], tmp_path, b"import torch\n").returncode == 0


def test_stdin_filename_finds_the_config_and_matches_excludes(tmp_path):
    write(tmp_path, {"pkg/pyproject.toml": '[tool.flake8-detach]\nignore = ["DET101"]\nexclude = ["gen"]\n'})
    source = (DETACH + DATA.replace("import torch\n", "")).encode()
    result = run_with_input(["--stdin-filename", "pkg/a.py", "-"], tmp_path, source)
    assert [line.split()[1] for line in result.stdout.decode().splitlines()] == ["DET201", "DET503"]
    result = run_with_input(["--stdin-filename", "pkg/gen/a.py", "-"], tmp_path, source)  # not saved yet: fine
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")


def test_stdin_filename_ending_in_ipynb_reads_a_notebook(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# x"), nbformat.v4.new_code_cell(DETACH.rstrip("\n"))]
    result = run_with_input(["--stdin-filename", "explore.ipynb", "-"], tmp_path, nbformat.writes(notebook).encode())
    assert result.stdout.decode().startswith("explore.ipynb:cell_1:5:1: DET101 ")


def test_diff_of_standard_input_and_usage_errors(tmp_path):
    result = run_with_input(["--diff", "--stdin-filename", "b.py", "-"], tmp_path, DATA.encode())
    assert result.returncode == 1 and result.stdout.decode().startswith("--- a/b.py\n+++ b/b.py\n@@")
    for args in (["--fix", "-"], ["-", "a.py"], ["--stdin-filename", "a.py", "a.py"]):
        result = run_with_input(args, tmp_path, DATA.encode())
        assert (result.returncode, result.stdout) == (2, b""), args
        assert b"error:" in result.stderr


# ---- diffs, help, settings ---------------------------------------------------------------


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_diff_applies_with_git_apply_and_patch_p1(tmp_path):
    write(tmp_path, {"src/b.py": DATA, "src/c.py": DETACH})
    status, diff, _ = run(["--diff", "--unsafe-fixes", "src"], tmp_path)
    assert status == 1 and diff.startswith("--- a/src/b.py\n+++ b/src/b.py\n")
    fixed = tmp_path / "fixed"
    shutil.copytree(tmp_path / "src", fixed / "src")
    run(["--fix", "--unsafe-fixes", "src"], fixed)
    (tmp_path / "change.diff").write_text(diff)
    subprocess.run(["git", "apply", "change.diff"], cwd=tmp_path, check=True, capture_output=True)
    for name in ("b.py", "c.py"):
        assert (tmp_path / "src" / name).read_text() == (fixed / "src" / name).read_text() != DATA
    if shutil.which("patch"):
        write(tmp_path, {"src/b.py": DATA, "src/c.py": DETACH})
        subprocess.run(["patch", "-p1", "-i", "change.diff"], cwd=tmp_path, check=True, capture_output=True)
        assert (tmp_path / "src" / "b.py").read_text() == (fixed / "src" / "b.py").read_text()


def test_diff_refuses_a_format_on_the_command_line_and_passes_over_the_configured_one(tmp_path):
    write(tmp_path, {"b.py": DATA})
    status, out, err = run(["--diff", "--format", "json", "b.py"], tmp_path)
    assert (status, out) == (2, "") and "--diff prints a unified diff: it takes no --format" in err
    (tmp_path / "pyproject.toml").write_text('[tool.flake8-detach]\nformat = "json"\n')
    status, out, _ = run(["--diff", "b.py"], tmp_path)
    assert status == 1 and out.startswith("--- a/b.py\n")
    assert json.loads(run(["b.py"], tmp_path)[1])[0]["code"] == "DET201"


def test_help_names_the_pyproject_table_its_keys_and_the_exit_statuses(tmp_path):
    status, out, _ = run(["--help"], tmp_path)
    assert status == 0
    assert "[tool.flake8-detach]" in out and "pyproject.toml" in out
    for key in ("select", "ignore", "exclude", "format", "jobs"):
        assert key in out.split("configuration:")[1]
    statuses = out.split("exit status:")[1]
    for status_line in ("0  no findings", "1  findings", "2  a usage error"):
        assert status_line in statuses
    assert "--stdin-filename" in out


@pytest.mark.parametrize("setting", ["select = []", 'select = ""', 'select = " , "'])
def test_an_empty_select_in_pyproject_is_an_error_not_silence(tmp_path, setting):
    write(tmp_path, {"a.py": DETACH, "pyproject.toml": f"[tool.flake8-detach]\n{setting}\n"})
    status, out, err = run(["a.py"], tmp_path)
    assert (status, out) == (2, "")
    assert "select: an empty selection checks nothing; leave select out to check the default rules" in err


def test_an_empty_select_on_the_command_line_is_an_error(tmp_path):
    write(tmp_path, {"a.py": DETACH})
    status, _, err = run(["--select", "", "a.py"], tmp_path)
    assert status == 2 and "--select: an empty selection" in err
    assert run(["--ignore", "", "a.py"], tmp_path)[0] == 1  # ignoring nothing is fine


# ---- DET000 ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["DET000", "det000", "parse-error"])
def test_rule_det000_is_explained(tmp_path, name):
    status, out, err = run(["rule", name], tmp_path)
    assert (status, err) == (0, "") and out == parse_error_doc()
    assert out.startswith("## DET000 parse-error\n") and "# noqa" in out and "E999" in out
    summary = json.loads(run(["rule", name, "--format", "json"], tmp_path)[1])
    assert (summary["code"], summary["name"], summary["doc"]) == ("DET000", "parse-error", parse_error_doc())


def test_sarif_det000_rule_has_the_help_github_requires(tmp_path):
    write(tmp_path, {"broken.py": "import torch\nx.detach(\n"})
    log = json.loads(run(["--format", "sarif", "."], tmp_path)[1])
    descriptor = log["runs"][0]["tool"]["driver"]["rules"][0]
    assert descriptor["id"] == "DET000"
    assert descriptor["help"]["text"] and descriptor["help"]["markdown"] == parse_error_doc()
    for rule in log["runs"][0]["tool"]["driver"]["rules"]:
        assert rule["help"]["text"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]


# ---- end positions -----------------------------------------------------------------------


MULTILINE = """\
import torch


def f():
    x = torch.ones(3)
    d = x.detach()
    d.add_(
        1,
    )
    w = torch.ones(3, requires_grad=True)
    loss = (w ** 2).sum()
    y = w.data.add_(torch.ones(
   3))
    loss.backward()
    return torch.cat([w.data,
        w.data], 0), x
"""


def spans(findings) -> list:
    return [(f["code"], f["line"], f["col"], f["end_line"], f["end_col"]) for f in findings]


def test_findings_carry_the_end_of_their_code_across_lines_and_indentation(tmp_path):
    write(tmp_path, {"m.py": MULTILINE})
    findings = json.loads(run(["--format", "json", "--extend-select", "DET202", "m.py"], tmp_path)[1])
    assert spans(findings) == [
        ("DET101", 7, 4, 9, 5),  # `d.add_(` ... `)`
        ("DET201", 12, 8, 13, 6),  # `w.data.add_(torch.ones(` ... `3))`, a continuation indented less
        ("DET202", 15, 22, 15, 28),
        ("DET202", 16, 8, 16, 14),
    ]
    lines = MULTILINE.splitlines()
    for _, line, col, end_line, end_col in spans(findings):
        text = "\n".join(lines[line - 1 : end_line])[col:]
        text = text[: len(text) - (len(lines[end_line - 1]) - end_col)]
        assert text.startswith(("d.add_(", "w.data")) and text.endswith((")", "w.data")), text
    log = json.loads(run(["--format", "sarif", "m.py"], tmp_path)[1])
    regions = [result["locations"][0]["physicalLocation"]["region"] for result in log["runs"][0]["results"]]
    assert regions[0] == {"startLine": 7, "startColumn": 5, "endLine": 9, "endColumn": 6}


def test_notebook_findings_carry_end_positions_in_their_cell(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("import torch\nw = torch.ones(3, requires_grad=True)"),
                      nbformat.v4.new_code_cell("y = (w.data\n  ).cpu()")]
    nbformat.write(notebook, tmp_path / "n.ipynb")
    findings = json.loads(run(["--format", "json", "--extend-select", "DET202", "n.ipynb"], tmp_path)[1])
    assert [(f["cell"], f["line"], f["col"], f["end_line"], f["end_col"]) for f in findings] == [(2, 1, 5, 1, 11)]


def test_parse_errors_have_no_end_position(tmp_path):
    write(tmp_path, {"broken.py": "import torch\nx.detach(\n"})
    [finding] = json.loads(run(["--format", "json", "broken.py"], tmp_path)[1])
    assert finding["code"] == "DET000" and (finding["end_line"], finding["end_col"]) == (None, None)
    log = json.loads(run(["--format", "sarif", "broken.py"], tmp_path)[1])
    assert set(log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]) == {
        "startLine", "startColumn"}



# ---- what an attack on the command found (issue 17, item 7) ------------------------------


def test_a_file_and_a_link_to_it_are_checked_and_fixed_once_whatever_the_jobs(tmp_path):
    fixable = "import torch\nw = torch.ones(3, requires_grad=True)\ny = w.sum().data[0]\n"
    write(tmp_path, {"pkg/a.py": fixable})
    (tmp_path / "pkg" / "b.py").symlink_to("a.py")
    results = []
    for jobs in ("1", "2"):
        (tmp_path / "pkg" / "a.py").write_text(fixable)
        results.append(subprocess.run([*COMMAND, "--fix", "-j", jobs, "pkg"], cwd=tmp_path, capture_output=True, text=True))
    assert [(r.returncode, r.stdout, r.stderr) for r in results] == [(0, "", "fixed 1 finding in 1 file, 0 remaining\n")] * 2
    assert (tmp_path / "pkg" / "b.py").is_symlink()


@pytest.mark.parametrize("setting, message", [
    ("jobs = inf", "jobs must be a whole number of at least 1, got inf"),
    ("jobs = 2.9", "jobs must be a whole number of at least 1, got 2.9"),
    ("x = " + "[" * 1000 + "]" * 1000, "cannot read: nested too deeply"),
])
def test_a_bad_pyproject_is_one_message_and_exit_2(tmp_path, setting, message):
    (tmp_path / "pyproject.toml").write_text(f"[tool.flake8-detach]\n{setting}\n")
    write(tmp_path, {"a.py": DETACH})
    result = subprocess.run([*COMMAND, "a.py"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].endswith(message)


@pytest.mark.parametrize("stdout", ["full", "closed"])
def test_a_report_that_cannot_be_written_is_an_error_not_a_result(tmp_path, stdout):
    write(tmp_path, {"a.py": DETACH})
    command = " ".join([sys.executable, "-m", "flake8_detach", "a.py", "> /dev/full" if stdout == "full" else ">&-"])
    result = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("flake8-detach: cannot write the report to standard output: ")


def test_the_readme_recipe_makes_a_patch_git_applies_with_notebooks_around(tmp_path):
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    recipe = next(line for line in readme.splitlines() if line.startswith("flake8-detach --diff") and "git apply" in line)
    fixable = "import torch\nw = torch.ones(3, requires_grad=True)\ny = w.sum().data[0]\n"
    write(tmp_path, {"train.py": fixable})
    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_code_cell(fixable)]
    (tmp_path / "book.ipynb").write_text(nbformat.writes(book))
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    flake8_detach = f"{sys.executable} -m flake8_detach"
    result = subprocess.run(recipe.replace("flake8-detach", flake8_detach), shell=True, cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "train.py").read_text() == fixable.replace("w.sum().data[0]", "w.sum().item()")
