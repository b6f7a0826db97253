"""benchmarks/ecosystem.py: verdicts survive re-runs, recall counts a finding on the bug's
statement, and --check fails on findings without a verdict. No network and no fetch mirrors:
a throwaway git repository stands in for a mirror and a tiny script for flake8-detach."""

import importlib.util
import json
import shlex
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("ecosystem", ROOT / "benchmarks" / "ecosystem.py")
ecosystem = importlib.util.module_from_spec(spec)
sys.modules["ecosystem"] = ecosystem  # dataclasses look their module up there
spec.loader.exec_module(ecosystem)


def finding(line, code="DET201", line_hash="aaa", col=0, verdict="", reason="", path="o+r/a.py", cell=""):
    return {"corpus": "user", "path": path, "cell": cell, "line": str(line), "col": str(col), "code": code,
            "message": "m", "line_hash": line_hash, "verdict": verdict, "reason": reason}


def test_merge_keeps_verdicts_of_findings_still_present_and_reports_new_and_gone():
    old = [finding(3, verdict="bug", reason="r3"), finding(9, "DET101", "bbb", verdict="harmless", reason="r9")]
    new = [finding(3), finding(20, "DET202", "ccc")]
    rows, added, gone = ecosystem.merge(old, new)
    assert [(row["line"], row["verdict"], row["reason"]) for row in rows] == [("3", "bug", "r3"), ("20", "", "")]
    assert [row["line"] for row in added] == ["20"]
    assert [(row["line"], row["verdict"]) for row in gone] == [("9", "harmless")]


def test_merge_follows_a_shifted_line_by_its_text_but_not_a_changed_one():
    old = [finding(5, line_hash="same", verdict="false", reason="keyword inputs"),
           finding(8, line_hash="old", verdict="bug", reason="r")]
    new = [finding(7, line_hash="same"), finding(10, line_hash="new")]
    rows, added, gone = ecosystem.merge(old, new)
    assert [(row["line"], row["verdict"]) for row in rows] == [("7", "false"), ("10", "")]
    assert [row["line"] for row in added] == ["10"]
    assert [row["line"] for row in gone] == ["8"]


def test_merge_pairs_findings_with_the_same_key_in_order():
    old = [finding(4, col=2, verdict="bug", reason="first"), finding(4, col=30, verdict="harmless", reason="second")]
    rows, added, gone = ecosystem.merge(old, [finding(4, col=30), finding(4, col=2)])
    assert [(row["col"], row["reason"]) for row in rows] == [("2", "first"), ("30", "second")]
    assert added == [] and gone == []


def test_merge_keeps_notebook_cells_apart():
    old = [finding(1, path="o+r/n.ipynb", cell="2", verdict="bug", reason="r")]
    rows, added, gone = ecosystem.merge(old, [finding(1, path="o+r/n.ipynb", cell="3")])
    assert rows[0]["verdict"] == "" and len(added) == 1 and len(gone) == 1


def test_tsv_round_trip_skips_comments_and_flattens_tabs_and_newlines(tmp_path):
    path = tmp_path / "f.tsv"
    row = finding(3, verdict="bug", reason="a\tb\nc")
    ecosystem.write_tsv(path, ecosystem.FINDING_FIELDS, [row])
    path.write_text("# a comment\n" + path.read_text())
    (back,) = ecosystem.read_tsv(path, ecosystem.FINDING_FIELDS)
    assert back == dict(row, reason="a b c")


def test_a_row_with_its_trailing_empty_fields_cut_off_by_an_editor_still_reads(tmp_path):
    path = tmp_path / "f.tsv"
    path.write_text("\t".join(ecosystem.FINDING_FIELDS) + "\nuser\to+r/a.py\t\t3\t0\tDET201\tm\n")
    (row,) = ecosystem.read_tsv(path, ecosystem.FINDING_FIELDS)
    assert row["verdict"] == "" and row["reason"] == ""


def test_an_unknown_verdict_stops_the_run(tmp_path):
    with pytest.raises(SystemExit, match="use one of bug, harmless, false"):
        ecosystem.check_verdicts(tmp_path / "f.tsv", [finding(1, verdict="maybe")])


def test_recall_counts_a_finding_elsewhere_in_the_bugs_statement_only(tmp_path):
    code = textwrap.dedent("""\
        for p in net.parameters():
            p.data.add_(
                p.grad, alpha=-lr)
        loss.backward()
    """)
    (tmp_path / "o+r").mkdir()
    (tmp_path / "o+r" / "a.py").write_text(code)
    bug = {"path": "o+r/a.py", "cell": "", "line": "3"}
    assert ecosystem.flagged(bug, [finding(2)], tmp_path)  # same statement, another line
    assert not ecosystem.flagged(bug, [finding(4)], tmp_path)
    header_bug = dict(bug, line="1")
    assert not ecosystem.flagged(header_bug, [finding(2)], tmp_path)  # the body is not the for's header


def test_recall_reads_a_notebook_cell_with_ipython_lines(tmp_path):
    cells = [{"cell_type": "markdown", "source": ["# title"]},
             {"cell_type": "code", "source": ["%matplotlib inline\n", "x = f(\n", "    y)\n"]}]
    (tmp_path / "o+r").mkdir()
    (tmp_path / "o+r" / "n.ipynb").write_text(json.dumps({"cells": cells, "nbformat": 4}))
    bug = {"path": "o+r/n.ipynb", "cell": "1", "line": "3"}
    assert ecosystem.flagged(bug, [finding(2, path="o+r/n.ipynb", cell="1")], tmp_path)
    assert not ecosystem.flagged(bug, [finding(2, path="o+r/n.ipynb", cell="2")], tmp_path)


def test_the_filter_keeps_prefixes_and_files_that_import_torch():
    pin = ecosystem.Pin("o/r", "0" * 40, "imports-torch docs/en/ examples/", "")
    assert ecosystem.kept(pin, "examples/a.ipynb", b'"import torch\\n"')
    assert not ecosystem.kept(pin, "examples/b.ipynb", b'"import tensorflow as tf"')
    assert not ecosystem.kept(pin, "docs/fr/a.ipynb", b"from torch import nn")
    assert ecosystem.kept(ecosystem.Pin("o/r", "0" * 40, "", ""), "any/where.py", b"")


# ---- end to end: a git repository as the mirror, a script as the tool ----------------------

FAKE_TOOL = """\
import json, pathlib
findings = []
for path in sorted(pathlib.Path('.').rglob('*.py')):
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if '.data' in line:
            findings.append({'path': str(path), 'line': number, 'col': line.index('.data'),
                             'code': 'DET201', 'message': 'write through .data', 'cell': None})
print(json.dumps(findings))
"""


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def sandbox(tmp_path, monkeypatch):
    """A mirror of one repository at tmp/mirrors/o+r/repo, its pin, and the results folder."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "train.py").write_text("w = net.weight\nw.data.zero_()\n")
    (work / "copy.py").write_text("w = net.weight\nw.data.zero_()\n")  # byte-identical: left out
    (work / "README.md").write_text("not code\n")
    git("init", "-q", cwd=work)
    git("add", ".", cwd=work)
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "c", cwd=work)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=work, capture_output=True, text=True).stdout.strip()
    mirrors = tmp_path / "mirrors"
    git("clone", "-q", "--bare", str(work), str(mirrors / "o+r" / "repo"), cwd=tmp_path)
    results = tmp_path / "results"
    results.mkdir()
    (results / "repos.tsv").write_text(f"# pins\nrepo\tcommit\tfilter\tadded\no/r\t{commit}\t\t\n")
    (results / "bugs.tsv").write_text("\t".join(ecosystem.BUG_FIELDS) + "\nuser\to+r/copy.py\t\t2\tdata\tx\tread\n"
                                      "user\to+r/train.py\t\t2\tdata\twrong grads\tread\n")
    monkeypatch.setattr(ecosystem, "RESULTS", results)
    monkeypatch.setattr(ecosystem, "PINS", results / "repos.tsv")
    monkeypatch.setattr(ecosystem, "BUGS", results / "bugs.tsv")
    tool = tmp_path / "tool.py"
    tool.write_text(FAKE_TOOL)
    argv = ["--corpus", "user", "--mirrors", str(mirrors), "--cache", str(tmp_path / "cache"),
            "--detach-cmd", f"{shlex.quote(sys.executable)} {shlex.quote(str(tool))}"]
    return argv, results, tmp_path


def test_a_run_writes_findings_and_check_fails_until_each_has_a_verdict(sandbox, capsys):
    argv, results, tmp_path = sandbox
    assert ecosystem.main(argv) == 0
    corpus = tmp_path / "cache" / "ecosystem" / "o+r"
    assert sorted(p.name for p in corpus.glob("*.py")) == ["copy.py"]  # first path of the identical pair
    (row,) = ecosystem.read_tsv(results / "user.tsv", ecosystem.FINDING_FIELDS)
    assert (row["path"], row["line"], row["verdict"]) == ("o+r/copy.py", "2", "")
    output = capsys.readouterr().out
    assert "1 byte-identical copies" in output
    assert "1 of 1 = 100%" in output  # copy.py's bug is flagged; train.py's is not in the corpus...
    assert "o+r/train.py is not in the corpus" in output  # ...so it is reported and not counted

    assert ecosystem.main([*argv, "--check"]) == 1
    triaged = dict(row, verdict="bug", reason="zeroes a leaf")
    ecosystem.write_tsv(results / "user.tsv", ecosystem.FINDING_FIELDS, [triaged])
    assert ecosystem.main([*argv, "--check"]) == 0
    assert ecosystem.main(argv) == 0
    (row,) = ecosystem.read_tsv(results / "user.tsv", ecosystem.FINDING_FIELDS)
    assert (row["verdict"], row["reason"]) == ("bug", "zeroes a leaf")


def test_a_missing_mirror_names_the_fetch_to_run(sandbox):
    argv, results, tmp_path = sandbox
    argv[argv.index("--mirrors") + 1] = str(tmp_path / "nowhere")
    with pytest.raises(SystemExit, match="fetch on github:o/r"):
        ecosystem.main(argv)
