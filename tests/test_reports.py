"""The reports corpus (benchmarks/reports) and the mimics of the bugs read in fresh code
(benchmarks/ecosystem/mimics): every program runs under torch and shows the effect its header
records, an exception with its message, a warning, or its own asserts of the silent harm; the
corpus keeps its size and spread. torch is a hard requirement here, as for the runtime proofs."""

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest
import torch  # noqa: F401  (fails loudly when torch is missing)

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"
_spec = importlib.util.spec_from_file_location("reports", BENCHMARKS / "reports" / "reports.py")
reports = sys.modules["reports"] = importlib.util.module_from_spec(_spec)  # a dataclass looks its module up
_spec.loader.exec_module(reports)

CORPUS = reports.all_reports()
MIMICS = reports.all_reports(BENCHMARKS / "ecosystem" / "mimics")


@pytest.mark.parametrize("report", CORPUS + MIMICS, ids=[r.path.name for r in CORPUS + MIMICS])
def test_program_shows_its_recorded_effect(report):
    reports.run_report(report)


def test_the_corpus_is_large_and_spread():
    positives = [r for r in CORPUS if r.positive]
    families = Counter(r.family for r in positives)
    assert len(positives) >= 150 and len(CORPUS) - len(positives) >= 50
    assert len(families) >= 12, families
    assert all(count >= 5 for count in families.values()), families


def test_a_twin_names_a_file_of_the_corpus():
    names = {r.path.name for r in CORPUS}
    assert [r.path.name for r in CORPUS if r.twin and r.twin not in names] == []


def test_a_header_that_breaks_the_format_is_refused(tmp_path):
    good = "# report: https://example.org/t/1\n# family: graph-kept\n# expect: 6\n# runtime: asserts a graph is kept\n"
    path = tmp_path / "x.py"
    path.write_text(good + "\nx = 1\n")
    assert reports.read_report(path).expect == (6,)
    for bad, why in [
        (good.replace("graph-kept", "made-up"), "unknown family"),
        (good.replace("expect: 6", "expect: 5"), "not a line of code"),
        (good.replace("expect: 6", "expect: none"), "must be `runs`"),
        (good.replace("asserts a graph is kept", "runs"), "must show its effect"),
        (good.replace("https://example.org/t/1", "a forum thread"), "must be an address"),
    ]:
        path.write_text(bad + "\nx = 1\n")
        with pytest.raises(reports.FormatError, match=why):
            reports.read_report(path)


def test_a_program_that_does_not_show_its_effect_fails(tmp_path):
    path = tmp_path / "x.py"
    header = "# report: https://example.org/t/1\n# family: graph-kept\n# expect: 6\n"
    path.write_text(header + "# runtime: raises RuntimeError: a message\n\nx = 1\n")
    with pytest.raises(AssertionError, match="ran to the end"):
        reports.run_report(reports.read_report(path))
    path.write_text(header + "# runtime: raises RuntimeError: another message\n\nraise RuntimeError('a message')\n")
    with pytest.raises(AssertionError, match="lacks"):
        reports.run_report(reports.read_report(path))
