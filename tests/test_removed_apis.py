"""The removed-API table (torchapi.REMOVED_FUNCTIONS): each row's example raises what the row
records under torch 2.13, and DET505 flags it, naming the release that removed it."""

import builtins

import pytest
import torch  # noqa: F401  (fails loudly when torch is missing)

from flake8_detach import check_source
from flake8_detach.torchapi import REMOVED_FUNCTIONS


@pytest.mark.parametrize("row", REMOVED_FUNCTIONS, ids=[row.name for row in REMOVED_FUNCTIONS])
def test_each_removed_function_raises_as_recorded_and_is_flagged(row):
    code = f"import torch\nresult = {row.example}\n"
    with pytest.raises(getattr(builtins, row.error)) as raised:
        exec(compile(code, "<removed>", "exec"), {})
    assert row.message in str(raised.value)
    (finding,) = check_source(code)
    assert (finding.code, finding.line) == ("DET505", 2)
    assert f"torch.{row.name}() was removed in PyTorch {row.since}: calling it raises {row.error}" in finding.message
