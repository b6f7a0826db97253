"""The quiet corpus: correct PyTorch programs in the shapes real projects use, which must run
clean under torch and draw no finding from the linter's default tier (some use idioms that
the opt-in rules report: `.data`, writes through `detach()`).

Convention: every program in tests/fixtures/quiet is a plain module that defines `main()` and
calls it under `if __name__ == "__main__":`, so it runs with `python file.py` and here with
`runpy.run_path(path, run_name="__main__")`. Files without that guard (the torch-free
look-alikes) are fixtures for the linter only; test_fixtures.py covers them too.

torch is a hard requirement: without it this module fails, it does not skip.
"""

import runpy
import warnings
from pathlib import Path

import pytest
import torch

from flake8_detach import check_source
from flake8_detach.rules import select

QUIET = Path(__file__).parent / "fixtures" / "quiet"
MAIN_GUARD = 'if __name__ == "__main__":'
PROGRAMS = sorted(p for p in QUIET.glob("*.py") if MAIN_GUARD in p.read_text(encoding="utf-8"))
IDS = [p.name for p in PROGRAMS]


def test_corpus_has_at_least_twelve_programs():
    assert len(PROGRAMS) >= 12, [p.name for p in PROGRAMS]


@pytest.mark.parametrize("path", PROGRAMS, ids=IDS)
def test_program_shape(path):
    source = path.read_text(encoding="utf-8")
    assert "import torch\n" in source, "programs use `import torch` normally"
    assert "def main(" in source and source.rstrip().endswith("main()"), "main() is called under the guard"


@pytest.mark.parametrize("path", PROGRAMS, ids=IDS)
def test_program_runs_clean_under_torch(path):
    grad_mode = torch.is_grad_enabled()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        runpy.run_path(str(path), run_name="__main__")
    assert torch.is_grad_enabled() == grad_mode, "the program leaked a grad mode"
    user_warnings = [
        f"{w.filename}:{w.lineno}: {w.category.__name__}: {w.message}"
        for w in caught
        if issubclass(w.category, UserWarning)
    ]
    assert user_warnings == []


@pytest.mark.parametrize("path", PROGRAMS, ids=IDS)
def test_program_draws_no_finding(path):
    source = path.read_text(encoding="utf-8")
    findings = [f"{v.line}:{v.col} {v.code} {v.message}" for v in check_source(source, select())]
    assert findings == []
