"""The coverage map (docs/coverage.tsv): every row is decided (covered by rules that exist, or
says what a rule would need), the page is generated from it, and each row's trigger shows the
error, warning or silent harm under torch 2.13."""

import contextlib
import io
import warnings
from pathlib import Path

import pytest
import torch

from flake8_detach import RULES
from flake8_detach.docs import coverage_page, coverage_rows

ROOT = Path(__file__).parent.parent
ROWS = coverage_rows(ROOT)


def test_every_row_is_decided_and_names_rules_that_exist():
    codes = {rule.code for rule in RULES}
    assert len(ROWS) >= 100
    for row in ROWS:
        assert set(row["covered_by"].split()) <= codes, row["message"]
        assert row["covered_by"] or row["note"], row["message"]


def test_the_page_is_generated_from_the_table():
    assert (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8") == coverage_page(ROOT)


@pytest.mark.parametrize("row", ROWS, ids=[f"{n:03}" for n in range(len(ROWS))])
def test_the_trigger_shows_the_row(row):
    code = row["trigger"].encode().decode("unicode_escape")
    torch.manual_seed(0)
    error = None
    with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(io.StringIO()) as out:
        warnings.simplefilter("always")
        try:
            exec(compile(code, "<trigger>", "exec"), {"__name__": "__main__"})
        except Exception as raised:  # the effect an error row records
            error = raised
        finally:
            torch.set_grad_enabled(True)
            torch.autograd.set_detect_anomaly(False)
    if row["kind"] == "error":
        assert error is not None and type(error).__name__ == row["exception"], (row["message"], error)
        assert row["message"] in str(error), (row["message"], str(error))
    elif row["kind"] == "warning":
        assert error is None, error
        assert any(row["message"] in str(w.message) for w in caught), [str(w.message) for w in caught]
    else:
        assert error is None and "OK" in out.getvalue(), (row["message"], error)
