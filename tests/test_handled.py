"""One policy for findings whose code raises: dropped inside a `try` body, of their own scope,
whose handlers take that exception (code that shows the error on purpose), for every rule."""

from flake8_detach import check_source

REMOVED = "import torch\n\n{}"  # DET505: torch.solve raises RuntimeError since 1.13


def codes(source: str) -> list:
    return [(v.line, v.code) for v in check_source(source)]


def test_a_walk_rules_finding_is_dropped_where_a_handler_takes_its_exception():
    caught = "try:\n    torch.solve(b, a)\nexcept RuntimeError:\n    pass\n"
    broad = "try:\n    torch.solve(b, a)\nexcept Exception:\n    pass\n"
    other = "try:\n    torch.solve(b, a)\nexcept KeyError:\n    pass\n"
    assert codes(REMOVED.format(caught)) == codes(REMOVED.format(broad)) == []
    assert codes(REMOVED.format(other)) == [(4, "DET505")]


def test_a_function_defined_in_a_try_body_runs_outside_it():
    source = REMOVED.format("try:\n    def solve(b, a):\n        return torch.solve(b, a)\nexcept RuntimeError:\n    pass\n")
    assert codes(source) == [(5, "DET505")]


def test_a_whole_file_rules_finding_follows_the_same_policy():
    masked = (
        "import torch\n\nmask = torch.zeros(3, dtype=torch.uint8)\nx = torch.ones(3)\n"
        "try:\n    x.masked_fill_(mask, 0)\nexcept RuntimeError:\n    pass\n"
    )
    assert "DET507" not in [code for _, code in codes(masked)]
    assert (6, "DET507") in codes(masked.replace("except RuntimeError", "except KeyError"))


def test_a_broad_handler_around_a_loop_traps_the_run_and_handles_nothing():
    # `except Exception: traceback.print_exc()` around a training loop: the run still stops at
    # the first error, so the finding stands; around straight-line code it shows the error.
    loop = "try:\n    for b in bs:\n        torch.solve(b, a)\nexcept Exception:\n    traceback.print_exc()\n"
    assert codes(REMOVED.format(loop)) == [(5, "DET505")]
    named = loop.replace("except Exception", "except RuntimeError")
    assert codes(REMOVED.format(named)) == []


def test_a_handler_that_reraises_handles_nothing():
    reraised = "try:\n    torch.solve(b, a)\nexcept RuntimeError:\n    print('failed')\n    raise\n"
    assert codes(REMOVED.format(reraised)) == [(4, "DET505")]
