"""What ruff and flake8 users expect of the command: `[*]` on fixable findings and a summary,
--statistics, --exit-zero, per-file-ignores and the flake8 configuration's DET ignores,
.gitignore'd paths skipped while walking, github annotations with their end, and JSON findings
with name, url and the .ipynb line."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from test_cli import DATA, DETACH, run, write

from flake8_detach.frontends import cli
from flake8_detach.frontends.gitignore import translate
from flake8_detach.frontends.report import Finding, render

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

# DET101 at 5:1 (unsafe fix), DET504 at 8:5 (safe fix)
MIXED = DETACH + "w = torch.ones(3, requires_grad=True)\ny = w.sum().data[0]\n"
MIXED_LINES = [
    "a.py:5:1: DET101 add_() on d also writes into x: detach() shares its storage",
    "a.py:8:5: DET504 [*] w.sum().data[0] indexes a 0-dim tensor: IndexError (use .item()) since PyTorch 0.4",
]


def paths(out: str) -> list:
    return [line.split(":")[0] for line in out.splitlines()]


def codes_by_path(out: str) -> list:
    return [(line.split(":")[0], line.split()[1]) for line in out.splitlines()]


# ---- [*] and the fixable summary -------------------------------------------------------


def test_findings_with_a_safe_fix_are_marked_and_the_summary_counts_safe_and_unsafe_fixes(tmp_path):
    write(tmp_path, {"a.py": MIXED})
    status, out, err = run(["a.py"], tmp_path)
    assert (status, out.splitlines()) == (1, MIXED_LINES)
    assert err == "1 fixable with --fix (1 fixable with --unsafe-fixes)\n"
    # what the summary promises is what --fix does
    status, out, err = run(["--fix", "a.py"], tmp_path)
    assert err == "fixed 1 finding in 1 file, 1 remaining (1 fixable with --unsafe-fixes)\n"
    assert out.splitlines() == [MIXED_LINES[0]]


def test_no_summary_without_fixable_findings_nor_outside_text_output(tmp_path):
    write(tmp_path, {"a.py": DETACH.replace("d.add_(1)", "d = d + 1") + "w = torch.ones(3, requires_grad=True)\nw.add_(1)\n"})
    status, out, err = run(["a.py"], tmp_path)
    assert (status, err) == (1, "")  # DET103 has no fix
    assert " DET103 add_()" in out
    write(tmp_path, {"unsafe.py": DETACH})
    assert run(["unsafe.py"], tmp_path) == (1, MIXED_LINES[0].replace("a.py", "unsafe.py") + "\n", "")
    write(tmp_path, {"b.py": MIXED})
    for format in ("json", "sarif", "github"):
        assert run(["--format", format, "b.py"], tmp_path)[2] == ""


def test_an_unsafe_fix_is_marked_when_unsafe_fixes_apply_and_det000_never():
    unsafe = Finding("a.py", 5, 0, "DET101", "msg", fix_safety="unsafe")
    safe = Finding("a.py", 8, 4, "DET504", "msg", fix_safety="safe")
    broken = Finding("b.py", 1, 0, "DET000", "cannot parse this file")
    assert render("text", [unsafe, safe, broken]) == "a.py:5:1: DET101 msg\na.py:8:5: DET504 [*] msg\nb.py:1:1: DET000 cannot parse this file\n"
    assert render("text", [unsafe], unsafe_fixes=True) == "a.py:5:1: DET101 [*] msg\n"


# ---- --statistics and --exit-zero ------------------------------------------------------


def test_statistics_count_each_code_with_its_name_most_first(tmp_path):
    write(tmp_path, {"a.py": MIXED, "b.py": DETACH, "data.py": DATA})
    status, out, err = run(["--statistics"], tmp_path)
    assert (status, err) == (1, "")
    assert out.splitlines() == [
        "2\tDET101\t[ ] inplace-on-detached",
        "1\tDET201\t[ ] data-mutation",
        "1\tDET503\t[*] retain-variables",
        "1\tDET504\t[*] zero-dim-as-sequence",
    ]
    status, out, _ = run(["--statistics", "--format", "json", "--extend-select", "DET202"], tmp_path)
    rows = json.loads(out)
    assert rows[0] == {"code": "DET101", "name": "inplace-on-detached", "count": 2, "fixable": 0}
    assert {"code": "DET202", "name": "data-access", "count": 1, "fixable": 1} in rows
    assert sum(row["count"] for row in rows) == len(json.loads(run(["--format", "json", "--extend-select", "DET202"], tmp_path)[1]))


def test_statistics_without_fixable_findings_print_no_marks_and_nothing_when_clean(tmp_path):
    write(tmp_path, {"b.py": DETACH})
    assert run(["--statistics"], tmp_path)[1] == "1\tDET101\tinplace-on-detached\n"
    assert run(["--statistics", "--select", "DET4"], tmp_path)[:2] == (0, "")


@pytest.mark.parametrize("args", [["--statistics", "--diff"], ["--statistics", "--format", "sarif"]])
def test_statistics_usage_errors(tmp_path, args):
    status, out, err = run(args, tmp_path)
    assert (status, out) == (2, "") and "--statistics" in err


def test_exit_zero_passes_findings_but_not_files_left_unchecked(tmp_path):
    write(tmp_path, {"a.py": MIXED})
    status, out, _ = run(["--exit-zero", "a.py"], tmp_path)
    assert status == 0 and out.splitlines() == MIXED_LINES
    assert run(["--exit-zero", "--diff", "a.py"], tmp_path)[0] == 0
    assert run(["--exit-zero", "--statistics", "a.py"], tmp_path)[0] == 0
    write(tmp_path, {"broken.py": "import torch\nx.detach(\n"})
    assert run(["--exit-zero", "broken.py"], tmp_path)[0] == 2  # not checked: DET000
    assert run(["--exit-zero", "a.py", "missing.py"], tmp_path)[0] == 2


# ---- per-file-ignores ------------------------------------------------------------------


def test_pyproject_per_file_ignores_take_globs_relative_to_the_pyproject_and_code_prefixes(tmp_path):
    write(tmp_path, {"src/a.py": MIXED, "tests/test_a.py": MIXED, "tests/unit/test_b.py": MIXED, "scripts/run.py": DATA})
    (tmp_path / "pyproject.toml").write_text(
        '[tool.flake8-detach.per-file-ignores]\n"tests/*" = ["DET1"]\n"run.py" = "DET5,DET201"\n'
    )
    status, out, _ = run([], tmp_path)
    assert codes_by_path(out) == [
        ("src/a.py", "DET101"), ("src/a.py", "DET504"),
        ("tests/test_a.py", "DET504"), ("tests/unit/test_b.py", "DET504"),  # `*` spans directories, as in flake8
    ]
    # from a subdirectory the globs mean the same files
    status, out, _ = run(["."], tmp_path / "tests")
    assert codes_by_path(out) == [("test_a.py", "DET504"), ("unit/test_b.py", "DET504")]


def test_per_file_ignored_codes_are_not_fixed_either(tmp_path):
    write(tmp_path, {"gen/a.py": MIXED})
    (tmp_path / "pyproject.toml").write_text('[tool.flake8-detach]\nper-file-ignores = {"gen/*" = ["DET504"]}\n')
    status, out, err = run(["--fix", "--unsafe-fixes", "."], tmp_path)
    assert (tmp_path / "gen" / "a.py").read_text() == MIXED.replace("x.detach()", "x.detach().clone()")
    assert (status, out, err) == (0, "", "fixed 1 finding in 1 file, 0 remaining\n")


def test_only_the_longest_matching_glob_counts_as_in_flake8(tmp_path):
    write(tmp_path, {"tests/unit/test_a.py": MIXED, "tests/test_b.py": MIXED})
    setting = "tests/*:DET101,DET504 tests/unit/*:DET504"
    status, out, _ = run(["--per-file-ignores", setting], tmp_path)
    assert codes_by_path(out) == [("tests/unit/test_a.py", "DET101")]


def test_command_line_per_file_ignores_replace_the_pyprojects(tmp_path):
    write(tmp_path, {"a.py": MIXED})
    (tmp_path / "pyproject.toml").write_text('[tool.flake8-detach.per-file-ignores]\n"a.py" = ["DET504"]\n')
    assert codes_by_path(run([], tmp_path)[1]) == [("a.py", "DET101")]
    assert codes_by_path(run(["--per-file-ignores", "a.py:DET101"], tmp_path)[1]) == [("a.py", "DET504")]


@pytest.mark.parametrize(
    "setting, message",
    [
        ('per-file-ignores = {"a.py" = ["det1"]}', "'a.py': 'det1' is not a code"),
        ('per-file-ignores = ["a.py:DET1"]', "expected a table of glob = codes"),
        ('per-file-ignores = "a.py"', "expected 'glob:codes' pairs"),
    ],
)
def test_bad_per_file_ignores_are_usage_errors(tmp_path, setting, message):
    (tmp_path / "pyproject.toml").write_text(f"[tool.flake8-detach]\n{setting}\n")
    status, out, err = run([], tmp_path)
    assert (status, out) == (2, "") and message in err


# ---- the flake8 configuration ----------------------------------------------------------


FLAKE8_CONFIG = """\
[flake8]
max-line-length = 100
extend-ignore = E203, DET503
ignore =
    E501
    W503
per-file-ignores =
    tests/*: DET101, D
    scripts/*.py:E402
"""


@pytest.mark.parametrize("name", ["setup.cfg", "tox.ini", ".flake8"])
def test_the_det_entries_of_the_flake8_configuration_are_honoured(tmp_path, name):
    write(tmp_path, {"src/a.py": MIXED, "tests/test_a.py": MIXED, "scripts/data.py": DATA, name: FLAKE8_CONFIG})
    status, out, _ = run([], tmp_path)
    assert codes_by_path(out) == [
        ("scripts/data.py", "DET201"),  # DET503 ignored everywhere (extend-ignore)
        ("src/a.py", "DET101"), ("src/a.py", "DET504"),
        ("tests/test_a.py", "DET504"),  # DET101 ignored in tests/
    ]


def test_flake8_itself_and_the_command_report_the_same_det_findings_from_one_configuration(tmp_path):
    config = FLAKE8_CONFIG.replace("DET101, D", "DET101") + "    tests/unit/*:DET504\n"
    write(tmp_path, {"src/a.py": MIXED, "tests/test_a.py": MIXED, "tests/unit/test_b.py": MIXED,
                     "scripts/data.py": DATA, "setup.cfg": config})
    flake8 = subprocess.run([sys.executable, "-m", "flake8", "src", "tests", "scripts"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert flake8.stderr == ""
    by_flake8 = sorted((line.split(":")[0], line.split()[1]) for line in flake8.stdout.splitlines() if " DET" in line)
    ours = codes_by_path(run(["src", "tests", "scripts"], tmp_path)[1])
    assert ours == by_flake8
    assert [code for path, code in ours if path.startswith("tests/unit/")] == ["DET101"]  # the longest glob's


def test_a_flake8_ignore_of_other_codes_switches_nothing_on_or_off(tmp_path):
    write(tmp_path, {"data.py": DATA})
    without = run([], tmp_path)
    write(tmp_path, {"setup.cfg": "[flake8]\nignore = E501,W503,D\nselect = E,W\n"})
    assert run([], tmp_path) == without
    assert "DET202" not in without[1]  # the opt-in rule stays off


def test_precedence_is_command_line_then_pyproject_then_flake8(tmp_path):
    write(tmp_path, {"data.py": DATA, "tox.ini": "[flake8]\nextend-ignore = DET201\n"})
    assert codes_by_path(run([], tmp_path)[1]) == [("data.py", "DET503")]
    write(tmp_path, {"pyproject.toml": '[tool.flake8-detach]\nignore = ["DET503"]\n'})
    assert codes_by_path(run([], tmp_path)[1]) == [("data.py", "DET201")]
    assert codes_by_path(run(["--ignore", "DET2"], tmp_path)[1]) == [("data.py", "DET503")]


def test_the_first_flake8_file_with_a_flake8_section_counts_and_a_broken_one_is_passed_over(tmp_path):
    write(tmp_path, {"data.py": DATA, "setup.cfg": "[metadata]\nname = x\n",
                     "tox.ini": "[flake8]\nignore = DET201\n", ".flake8": "[flake8]\nignore = DET503\n"})
    assert codes_by_path(run([], tmp_path)[1]) == [("data.py", "DET503")]  # tox.ini's
    write(tmp_path, {"setup.cfg": "[flake8\nignore = DET5\n"})
    status, out, err = run([], tmp_path)
    assert codes_by_path(out) == [("data.py", "DET503")]
    assert err.startswith(f"flake8-detach: warning: {tmp_path / 'setup.cfg'}: passed over, not valid INI")


def test_a_bad_det_code_in_the_flake8_configuration_is_a_usage_error(tmp_path):
    write(tmp_path, {"data.py": DATA, "setup.cfg": "[flake8]\nextend-ignore = DET5031\n"})
    status, out, err = run([], tmp_path)
    assert (status, out) == (2, "") and "extend-ignore: 'DET5031' is not a code" in err


# ---- .gitignore ------------------------------------------------------------------------


ROOT_GITIGNORE = """\
# a comment
*.log
out/
!out/keep.py
/top_only.py
data/**/gen_*.py
secret*.py
!secret_ok.py
docs/**
!docs/keep.py
\\#hash.py
spaced.py   
**/tmp/*.py
a/**/b.py
[abc]_glob.py
q?.py
"""
TREE = {
    ".gitignore": ROOT_GITIGNORE,
    "sub/.gitignore": "local.py\n/anchored.py\ncache.py/\n",
    "deep/nested/.gitignore": "!secret_again.py\n",
    # checked
    "a.py": "", "sub/top_only.py": "", "data/keep.py": "", "secret_ok.py": "", "sub/secret_ok.py": "",
    "docs/keep.py": "", "d_glob.py": "", "q12.py": "", "local.py": "", "sub/deeper/anchored.py": "",
    "deep/nested/secret_again.py": "", "sub/more/cache.py": "", "a/c.py": "",
    # ignored
    "top_only.py": "", "out/x.py": "", "out/keep.py": "", "sub/out/y.py": "", "data/gen_1.py": "",
    "data/x/y/gen_2.py": "", "secret1.py": "", "docs/a.py": "", "docs/deep/b.py": "", "#hash.py": "",
    "spaced.py": "", "x/tmp/t.py": "", "tmp/t2.py": "", "a/b.py": "", "a/x/y/b.py": "", "a_glob.py": "",
    "q1.py": "", "sub/local.py": "", "sub/anchored.py": "", "deep/secret_x.py": "", "sub/cache.py/inner.py": "",
}
CHECKED = sorted(
    "a.py sub/top_only.py data/keep.py secret_ok.py sub/secret_ok.py docs/keep.py d_glob.py q12.py local.py "
    "sub/deeper/anchored.py deep/nested/secret_again.py sub/more/cache.py a/c.py".split()
)


def walked(root: Path, respect_gitignore: bool = True) -> list:
    before = os.getcwd()
    os.chdir(root)
    try:
        files, errors = cli.discover(["."], (), respect_gitignore)
    finally:
        os.chdir(before)
    assert errors == []
    return sorted(files)


def test_walking_a_repository_passes_over_what_its_gitignore_files_ignore(tmp_path):
    write(tmp_path, TREE)
    (tmp_path / ".git").mkdir()
    assert walked(tmp_path) == CHECKED
    assert len(walked(tmp_path, respect_gitignore=False)) == len([name for name in TREE if name.endswith(".py")])


def test_the_walk_agrees_with_git_on_what_is_ignored(tmp_path):
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    write(tmp_path, TREE)
    environment = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run([git, "init", "-q"], cwd=tmp_path, check=True, env=environment)
    listed = subprocess.run([git, "ls-files", "--others", "--exclude-standard", "-z"], cwd=tmp_path,
                            check=True, capture_output=True, text=True, env=environment).stdout
    by_git = sorted(name for name in listed.split("\0") if name.endswith(".py"))
    assert by_git == CHECKED  # the expectations above are git's
    assert walked(tmp_path) == by_git


def test_info_exclude_nested_repositories_and_no_repository(tmp_path):
    write(tmp_path, {".gitignore": "vendored.py\n", "a.py": "", "vendored.py": "",
                     "inner/.gitignore": "own.py\n", "inner/vendored.py": "", "inner/own.py": "", "inner/b.py": ""})
    assert walked(tmp_path) == sorted(["a.py", "vendored.py", "inner/vendored.py", "inner/b.py", "inner/own.py"])
    (tmp_path / ".git" / "info").mkdir(parents=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("a.py\n")
    assert walked(tmp_path) == ["inner/b.py"]
    (tmp_path / "inner" / ".git").mkdir()  # a repository of its own: the outer patterns stop at it
    assert walked(tmp_path) == sorted(["inner/b.py", "inner/vendored.py"])


def test_double_stars_span_directories_only_as_whole_steps():
    assert translate("a/**/b") == "a/(?:.*/)?b" and translate("**") == ".*" and translate("x**y") == "x[^/]*y"
    negated_class = re.compile(translate("[!a-c]?"))
    assert negated_class.fullmatch("d1") and not negated_class.fullmatch("b1") and not negated_class.fullmatch("/1")


def test_a_directory_above_the_walk_contributes_its_gitignore(tmp_path):
    write(tmp_path, {".gitignore": "src/gen_*.py\nscratch/\n", "src/gen_a.py": DETACH, "src/a.py": DETACH,
                     "src/scratch/s.py": DETACH})
    (tmp_path / ".git").mkdir()
    assert paths(run(["."], tmp_path / "src")[1]) == ["a.py"]


def test_the_command_skips_ignored_files_checks_named_ones_and_can_include_them(tmp_path):
    write(tmp_path, {".gitignore": "generated/\nscratch_*.py\n", "a.py": DETACH, "generated/g.py": DETACH,
                     "scratch_1.py": DETACH})
    (tmp_path / ".git").mkdir()
    assert paths(run([], tmp_path)[1]) == ["a.py"]
    assert paths(run(["scratch_1.py", "generated/g.py"], tmp_path)[1]) == ["generated/g.py", "scratch_1.py"]
    assert paths(run(["generated"], tmp_path)[1]) == ["generated/g.py"]  # a directory named is walked
    everything = ["a.py", "generated/g.py", "scratch_1.py"]
    assert paths(run(["--no-respect-gitignore"], tmp_path)[1]) == everything
    write(tmp_path, {"pyproject.toml": "[tool.flake8-detach]\nrespect-gitignore = false\n"})
    assert paths(run([], tmp_path)[1]) == everything


def test_gitignore_files_outside_a_repository_are_not_read(tmp_path):
    write(tmp_path, {".gitignore": "*.py\n", "a.py": DETACH})
    assert paths(run([], tmp_path)[1]) == ["a.py"]


def test_respect_gitignore_must_be_true_or_false(tmp_path):
    write(tmp_path, {"pyproject.toml": '[tool.flake8-detach]\nrespect-gitignore = "no"\n'})
    status, _, err = run([], tmp_path)
    assert status == 2 and "respect-gitignore: expected true or false" in err


# ---- github and JSON -------------------------------------------------------------------


def notebook(tmp_path: Path) -> Path:
    book = nbformat.v4.new_notebook()
    book.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}
    book.cells = [nbformat.v4.new_code_cell("import torch\nw = torch.ones(3, requires_grad=True)"),
                  nbformat.v4.new_markdown_cell("text"),
                  nbformat.v4.new_code_cell("loss = w.sum()\nprint(loss.data[0])")]
    path = tmp_path / "book.ipynb"
    nbformat.write(book, path)
    return path


def test_github_annotations_of_notebooks_have_the_ipynb_line_and_no_columns(tmp_path):
    path = notebook(tmp_path)
    out = run(["--format", "github", "book.ipynb"], tmp_path)[1]
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if '"print(loss.data[0])"' in text)
    assert out == f"::error file=book.ipynb,line={line},title=DET504 zero-dim-as-sequence::cell_2:2:7: " \
                  "loss.data[0] indexes a 0-dim tensor: IndexError (use .item()) since PyTorch 0.4\n"


def test_json_findings_carry_the_rule_name_its_doc_url_and_the_ipynb_line_of_notebook_findings(tmp_path):
    path = notebook(tmp_path)
    write(tmp_path, {"a.py": MIXED})
    findings = json.loads(run(["--format", "json", "a.py", "book.ipynb"], tmp_path)[1])
    rules_page = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())["project"]["urls"]["Rules"]
    assert [(f["code"], f["name"], f["url"]) for f in findings] == [
        ("DET101", "inplace-on-detached", f"{rules_page}#det101-inplace-on-detached"),
        ("DET504", "zero-dim-as-sequence", f"{rules_page}#det504-zero-dim-as-sequence"),
        ("DET504", "zero-dim-as-sequence", f"{rules_page}#det504-zero-dim-as-sequence"),
    ]
    assert [(f["cell"], f["line"], f["file_line"]) for f in findings[:2]] == [(None, 5, None), (None, 8, None)]
    in_book = findings[2]
    assert (in_book["cell"], in_book["line"], in_book["col"]) == (2, 2, 6)
    assert path.read_text().splitlines()[in_book["file_line"] - 1].strip() == '"print(loss.data[0])"'
    assert list(findings[0]) == ["path", "line", "col", "code", "name", "message", "cell", "file_line",
                                 "fix_safety", "fix_title", "end_line", "end_col", "url"]


def test_json_parse_errors_are_named_and_documented_too(tmp_path):
    write(tmp_path, {"broken.py": "import torch\nx.detach(\n"})
    (finding,) = json.loads(run(["--format", "json", "broken.py"], tmp_path)[1])
    assert (finding["code"], finding["name"]) == ("DET000", "parse-error")
    assert finding["url"].endswith("#det000-parse-error")


# ---- the README's configuration, as written ----------------------------------------------


def readme_block(language: str) -> str:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n### Configuration\n"):]
    return section.split(f"```{language}\n")[1].split("```")[0]


def test_the_readme_configurations_work_as_written(tmp_path):
    files = {"src/a.py": MIXED, "tests/test_a.py": MIXED, "scripts/data.py": DATA, "legacy_x.py": DETACH}
    write(tmp_path, {**files, "pyproject.toml": readme_block("toml")})
    assert codes_by_path(run([], tmp_path)[1]) == [
        ("src/a.py", "DET101"), ("src/a.py", "DET504"), ("tests/test_a.py", "DET504")]
    (tmp_path / "pyproject.toml").unlink()
    write(tmp_path, {"setup.cfg": readme_block("ini")})
    assert codes_by_path(run([], tmp_path)[1]) == [
        ("legacy_x.py", "DET101"), ("scripts/data.py", "DET201"),
        ("src/a.py", "DET101"), ("src/a.py", "DET504"), ("tests/test_a.py", "DET504")]


def test_per_file_ignores_apply_to_standard_input_by_its_stdin_filename(tmp_path):
    write(tmp_path, {"pyproject.toml": '[tool.flake8-detach.per-file-ignores]\n"tests/*" = ["DET504"]\n'})
    result = subprocess.run([sys.executable, "-m", "flake8_detach", "--stdin-filename", "tests/test_a.py", "-"],
                            cwd=tmp_path, input=MIXED, capture_output=True, text=True, timeout=120)
    assert codes_by_path(result.stdout) == [("tests/test_a.py", "DET101")]
