"""--fix, --unsafe-fixes and --diff: node swaps that keep the rest of the file as it was."""

import ast
import json
import os
import shutil
import stat
from pathlib import Path

import libcst as cst
import pytest
from test_cli import run

from flake8_detach import check_source
from flake8_detach.frontends.cli import unified_diff
from flake8_detach.docs import strip_markers
from flake8_detach.pipeline.fixing import fix_source, non_overlapping
from flake8_detach.rules import RULES
from flake8_detach.findings import SAFE, UNSAFE, Fix
from flake8_detach.rules._base import Example, WalkRule

ARTICLE = Path(__file__).parent.parent / "examples" / "article_patterns.py"
READ_AND_ALIAS = (
    "import torch\n\nw = torch.ones(3, requires_grad=True)\n"
    "y = w.sum().data[0]\nd = w.detach()\nd.add_(1)\nprint(w, d)\n"
)


def json_findings(path: Path, *args) -> list:
    status, out, _ = run(["--format", "json", *args, path.name], path.parent)
    return json.loads(out)


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_a_rule_with_a_fix_shows_it_on_its_examples(rule):
    if rule.fix_safety is None:
        assert all(example.fixed is None for example in rule.examples) and rule.fix_title is None
        return
    assert rule.fix_safety in (SAFE, UNSAFE) and rule.fix_title
    for example in rule.examples:
        result = fix_source(strip_markers(example.bad), unsafe=True)
        assert (result.source, result.rejected) == (example.after_fix, None)
        assert all(violation.fix is None for violation in check_source(example.after_fix))


def test_safe_fixes_only_without_unsafe_fixes():
    assert fix_source(READ_AND_ALIAS).source == READ_AND_ALIAS.replace("w.sum().data[0]", "w.sum().item()")
    assert fix_source(READ_AND_ALIAS, unsafe=True).source == READ_AND_ALIAS.replace(
        "w.sum().data[0]", "w.sum().item()"
    ).replace("d = w.detach()", "d = w.detach().clone()")


def test_fix_keeps_comments_parentheses_and_layout():
    source = "import torch\nw = torch.ones(3, requires_grad=True)\ny = (w.data)  .cpu()  # keep me\nz = (w . data).cpu()\n"
    assert fix_source(source).source == (
        "import torch\nw = torch.ones(3, requires_grad=True)\ny = (w.detach())  .cpu()  # keep me\n"
        "z = (w . detach()).cpu()\n"
    )


def test_fix_unsafe_fixes_on_the_article_leave_only_findings_without_a_fix(tmp_path):
    copy = tmp_path / "article.py"
    shutil.copy(ARTICLE, copy)
    before = json_findings(copy)
    assert {f["fix_safety"] for f in before} >= {"unsafe"}
    status, out, err = run(["--fix", "--unsafe-fixes", "article.py"], tmp_path)
    fixed_text = copy.read_text()
    ast.parse(fixed_text)
    after = json_findings(copy)
    assert after and all(finding["fix_safety"] is None for finding in after)
    assert status == 1 and len(out.splitlines()) == len(after)
    assert err == f"fixed {len(before) - len(after)} findings in 1 file, {len(after)} remaining\n"
    # Only lines with a fixable finding, or the detach() alias a DET101 fix copies, changed;
    # comments stay where they were.
    old_lines, new_lines = ARTICLE.read_text().splitlines(), fixed_text.splitlines()
    assert len(old_lines) == len(new_lines)
    fixable = {f["line"] for f in before if f["fix_safety"]}
    changed = {n for n, (a, b) in enumerate(zip(old_lines, new_lines), start=1) if a != b}
    assert changed and all(n in fixable or ".detach()" in old_lines[n - 1] for n in changed)
    assert [line.partition("  #")[2] for line in old_lines] == [line.partition("  #")[2] for line in new_lines]
    # A second run finds nothing more to fix and leaves the bytes alone.
    assert run(["--fix", "--unsafe-fixes", "article.py"], tmp_path)[2] == f"fixed 0 findings in 0 files, {len(after)} remaining\n"
    assert copy.read_text() == fixed_text


def test_fix_without_unsafe_says_how_many_unsafe_fixes_wait(tmp_path):
    (tmp_path / "a.py").write_text(READ_AND_ALIAS)
    status, out, err = run(["--fix", "a.py"], tmp_path)
    assert (status, out.split()[1]) == (1, "DET101")
    assert err == "fixed 1 finding in 1 file, 1 remaining (1 fixable with --unsafe-fixes)\n"
    assert run(["--fix", "--unsafe-fixes", "a.py"], tmp_path)[:2] == (0, "")


def test_diff_shows_the_fix_without_writing(tmp_path):
    copy = tmp_path / "article.py"
    shutil.copy(ARTICLE, copy)
    original = copy.read_text()
    status, diff, _ = run(["--diff", "--unsafe-fixes", "article.py"], tmp_path)
    assert status == 1 and copy.read_text() == original
    run(["--fix", "--unsafe-fixes", "article.py"], tmp_path)
    assert diff == unified_diff(original, copy.read_text(), "article.py")
    assert run(["--diff", "--unsafe-fixes", "article.py"], tmp_path) == (0, "", "")


def test_lines_whose_noqa_silences_the_finding_are_not_fixed(tmp_path):
    source = (
        "import torch\nw = torch.ones(3, requires_grad=True)\n"
        "a = w.sum().data[0]  # noqa: DET504\nb = w.sum().data[0]  # noqa: DET101\nc = w.sum().data[0]  # noqa\n"
    )
    (tmp_path / "a.py").write_text(source)
    assert run(["--fix", "a.py"], tmp_path)[0] == 0
    assert (tmp_path / "a.py").read_text() == source.replace("b = w.sum().data[0]", "b = w.sum().item()")


def test_fix_keeps_crlf_encoding_bom_and_file_mode(tmp_path):
    crlf = tmp_path / "crlf.py"
    crlf.write_bytes(READ_AND_ALIAS.replace("\n", "\r\n").encode())
    crlf.chmod(0o751)
    latin = tmp_path / "latin.py"
    latin.write_bytes(("# -*- coding: latin-1 -*-\n# café\n" + READ_AND_ALIAS).encode("latin-1"))
    bom = tmp_path / "bom.py"
    bom.write_bytes(b"\xef\xbb\xbf" + READ_AND_ALIAS.encode())
    run(["--fix", "."], tmp_path)
    expected = READ_AND_ALIAS.replace("w.sum().data[0]", "w.sum().item()")
    assert crlf.read_bytes() == expected.replace("\n", "\r\n").encode()
    assert stat.S_IMODE(crlf.stat().st_mode) == 0o751
    assert latin.read_bytes() == ("# -*- coding: latin-1 -*-\n# café\n" + expected).encode("latin-1")
    assert bom.read_bytes() == b"\xef\xbb\xbf" + expected.encode()
    assert sorted(os.listdir(tmp_path)) == ["bom.py", "crlf.py", "latin.py"]  # no temporary files left


def test_fix_writes_through_a_symlink(tmp_path):
    (tmp_path / "real.py").write_text(READ_AND_ALIAS)
    (tmp_path / "link.py").symlink_to("real.py")
    run(["--fix", "link.py"], tmp_path)
    assert (tmp_path / "link.py").is_symlink()
    assert "w.sum().item()" in (tmp_path / "real.py").read_text()


class BreaksTheCode(WalkRule):
    """A rule whose fix is broken: the fixer must refuse its result."""

    code = "DET999"
    name = "breaks-the-code"
    message = "test rule"
    needs = ("data",)
    what = why = "test"
    examples = (Example(bad="", good="", proof=None),)
    fix_safety = SAFE
    fix_title = "break the code"

    def on_attribute(self, node) -> None:
        if node.attr.value == "data":
            self.report(node, fix=self.fix((node, node.with_changes(value=cst.Integer("1")))))  # `1.data`


def test_a_fix_that_breaks_the_parse_is_never_applied():
    source = "import torch\nx.data\n"
    result = fix_source(source, rules=(BreaksTheCode,))
    assert result.source == source
    assert result.rejected == "a fix (break the code) produced code that libcst cannot parse; not applied"


def test_overlapping_fixes_wait_for_the_next_round():
    module = cst.parse_module("a.b.c + d\n")
    outer = module.body[0].body[0].value.left
    inner, other = outer.value, module.body[0].body[0].value.right
    x, y, z = cst.Name("x"), cst.Name("y"), cst.Name("z")
    swaps = non_overlapping([Fix(SAFE, "t", ((outer, x),)), Fix(SAFE, "t", ((inner, y),)), Fix(SAFE, "t", ((other, z),))])
    assert swaps == {id(outer): x, id(other): z}
    # The same alias reached by two findings is fixed once, and the second finding is gone after.
    source = "import torch\nx = torch.ones(3)\nd = x.detach()\nd.add_(1)\nd.mul_(2)\nprint(x, d)\n"
    assert fix_source(source, unsafe=True).source == source.replace("x.detach()", "x.detach().clone()")


def test_a_finding_revealed_by_a_safe_fix_is_reported_and_not_counted_as_fixed(tmp_path):
    source = "import torch\nw = torch.ones(3, requires_grad=True)\ns = w.data\ns.zero_()\nprint(w, s)\n"
    (tmp_path / "a.py").write_text(source)
    status, out, err = run(["--fix", "--extend-select", "DET202", "a.py"], tmp_path)
    assert (tmp_path / "a.py").read_text() == source.replace("w.data", "w.detach()")
    assert (status, out.split()[:2]) == (1, ["a.py:4:1:", "DET101"])
    assert err == "fixed 1 finding in 1 file, 1 remaining (1 fixable with --unsafe-fixes)\n"
