"""Every rule and the fixer are linear in the file: the Python function calls that checking and
fixing make grow 4x when the input grows 4x (a quadratic step would make them grow 16x). Calls
are counted, not timed, so the result does not depend on the machine or its load; the time per
kilobyte itself is measured by benchmarks/scaling.py, on the same inputs."""

import sys
from pathlib import Path

import pytest

from flake8_detach import RULES, check_source
from flake8_detach.pipeline.fixing import fix_source

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
import scaling  # noqa: E402

GROWTH = 4 * 1.25  # the calls of 4x the input: 4x, with room for what does not grow with it


def calls(function) -> int:
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        count += event == "call"

    sys.setprofile(profile)
    try:
        function()
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.slow
@pytest.mark.parametrize("name", list(scaling.INPUTS))
def test_checking_and_fixing_grow_linearly(name):
    small, large = scaling.INPUTS[name](1), scaling.INPUTS[name](4)
    for run in (lambda source: check_source(source, RULES), lambda source: fix_source(source, RULES, unsafe=True)):
        assert calls(lambda: run(large)) <= GROWTH * calls(lambda: run(small))


def parsed_by_libcst(monkeypatch, function) -> list:
    """The lengths of the code libcst parsed while `function` ran."""
    import libcst

    real, lengths = libcst.parse_module, []

    def recording(code, *args, **kwargs):
        lengths.append(len(code))
        return real(code, *args, **kwargs)

    monkeypatch.setattr(libcst, "parse_module", recording)
    function()
    return lengths


def test_a_data_table_on_one_line_is_never_given_to_libcst(monkeypatch):
    source = scaling.one_line_table(4)  # 400 kB on one line: libcst took 0.8 GB for 1 MB of it
    lengths = parsed_by_libcst(monkeypatch, lambda: (check_source(source, RULES), fix_source(source, RULES)))
    assert lengths and max(lengths) < 1000


def test_fixing_one_finding_parses_its_scope_not_the_file(monkeypatch):
    other = "".join(f"def helper_{n}(x):\n    return x * {n}\n\n\n" for n in range(2000))
    source = "import torch\n\n\n" + other + "def f():\n    w = torch.ones(3, requires_grad=True)\n    return w.sum().data[0]\n"
    lengths = parsed_by_libcst(monkeypatch, lambda: fix_source(source, RULES))
    assert max(lengths) < len(source) / 10
