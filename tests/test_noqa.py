"""`# noqa` in the standalone CLI silences exactly what flake8 silences."""

import subprocess
import sys
from pathlib import Path

import pytest

from flake8_detach.findings import Violation
from flake8_detach.pipeline.noqa import Noqa, unsilenced
from flake8_detach.frontends.plugin_data import OPT_IN_CODES

FIXTURES = Path(__file__).parent / "fixtures"


def run(tool: list, path: Path, stderr: str = "") -> list:
    result = subprocess.run(
        [sys.executable, "-m", *tool, path.name], cwd=path.parent, capture_output=True, text=True
    )
    assert result.stderr == stderr
    return result.stdout.splitlines()


def test_cli_and_flake8_silence_the_same_findings():
    variants = FIXTURES / "cli_noqa_variants.py"
    # both tiers on both sides: DET202 too; the command marks its one safely fixable finding
    ours = run(["flake8_detach", "--select", "DET"], variants, stderr="1 fixable with --fix\n")
    assert sum(" [*] " in line for line in ours) == 1
    ours = [line.replace(" [*] ", " ", 1) for line in ours]
    # (flake8 reports an opt-in code only where a selection names it)
    assert ours == run(["flake8", "--select", f"DET,{','.join(OPT_IN_CODES)}"], variants)
    # Spot checks, so the comparison cannot pass with both sides empty or both wrong alike.
    reported = [int(line.split(":")[1]) for line in ours]
    assert reported == [4, 11, 12, 17, 18, 21, 22, 27]


@pytest.mark.parametrize(
    "comment, silenced",
    [
        ("# noqa", True),
        ("# NoQA", True),
        ("# noqa: DET101", True),
        ("# noqa:DET101", True),
        ("# noqa: DET1", True),
        ("# noqa: DET", True),
        ("# noqa: E501, DET101", True),
        ("# noqa: E501 DET101", True),
        ("# noqa: DET102", False),
        ("# noqa: DET2", False),
        ("# noqa: det101", False),  # the regex ignores case, the code comparison does not
        ("# noqa:  DET102", True),  # two spaces: no code list, so a bare noqa
        ("# noqa : DET102", True),  # space before ':': a bare noqa
        ("#noqa", False),
        ("# noqa: DET102 -- DET101 is fine here", False),
        ("# flake8: noqa: DET101", False),  # not at the start of the line: not the file form
        ("# explanation # noqa: DET101", True),
    ],
)
def test_inline_comment_forms(comment, silenced):
    noqa = Noqa(f"x = 1\nd.add_(1)  {comment}\n")
    assert noqa.silences("DET101", 2) is silenced
    assert noqa.silences("DET101", 1) is False


def test_the_whole_token_run_of_a_multiline_string_or_continuation_counts():
    source = 'a = x.data, """\n"""  # noqa\nb = x.data + \\\n    1  # noqa\nc = (x.data,\n     1)  # noqa\n'
    noqa = Noqa(source)
    assert [noqa.silences("DET202", line) for line in range(1, 7)] == [True, True, True, True, False, True]


def test_a_file_that_does_not_tokenize_falls_back_to_physical_lines():
    noqa = Noqa('x.data  # noqa\ns = """\n')
    assert noqa.silences("DET202", 1) is True
    assert noqa.silences("DET202", 2) is False
    assert noqa.silences("DET202", 99) is False


def test_crlf_and_lone_cr_line_endings_count_lines_as_the_engine_does():
    noqa = Noqa("a = 1\r\nb = x.data  # noqa\rc = x.data\n")
    assert [noqa.silences("DET202", line) for line in (1, 2, 3)] == [False, True, False]


def test_flake8_noqa_line_silences_the_file():
    assert Noqa("import torch\n# flake8: noqa\nd.add_(1)\n").silences("DET101", 3)
    assert Noqa("import torch\n  # flake8=NOQA\n").whole_file
    assert not Noqa("#flake8: noqa\n").whole_file
    assert not Noqa("x = 1  # flake8: noqa\n").whole_file


def test_parse_failures_are_never_silenced_by_a_line_comment():
    failure = Violation("DET000", "libcst cannot parse this file", None, 1, 0)
    finding = Violation("DET101", "msg", None, 1, 0)
    source = "x(  # noqa\n"
    assert unsilenced([failure, finding], source) == [failure]
    assert unsilenced([failure, finding], "# flake8: noqa\n" + source) == []
