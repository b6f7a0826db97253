"""DET509: imports of torch modules and names that were removed, which now raise."""

from __future__ import annotations

import ast
import re

from ..torchapi import REMOVED_IMPORTS
from ._base import Example, FileRule, Raises

# The table of removed imports (torchapi.REMOVED_IMPORTS): a row there is a rule instance here,
# proven by its example in tests/test_removed_apis.py.


def removed_in(imported: str):
    """The row of the removed module `imported` is, or is in; None if there is none."""
    for row in REMOVED_IMPORTS:
        if imported == row.name or imported.startswith(row.name + "."):
            return row
    return None


# An import of a removed module or name spells its last part.
REMOVED_WORDS = re.compile("|".join(re.escape(row.name.rpartition(".")[2]) for row in REMOVED_IMPORTS))


class RemovedImport(FileRule):
    code = "DET509"
    name = "removed-import"
    message = "{name} was removed in PyTorch {since}: this import raises {error} (use {replacement})"
    needs = (REMOVED_WORDS.pattern,)
    raises = ("ImportError", "ModuleNotFoundError")
    what = (
        "Flags imports of torch modules and names that were removed, from the versioned table of "
        "`torchapi.REMOVED_IMPORTS`: `torch._six` (removed in 2.0: `container_abcs`, "
        "`string_classes`, `int_classes`, `inf`) and `torch.utils.serialization.load_lua` (1.0). "
        "An import inside a `try` that handles ImportError is a fallback and stays quiet."
    )
    why = (
        "The import fails before any of the module runs (\"No module named 'torch._six'\", "
        "\"cannot import name 'load_lua'\"), so old code, and libraries pinned long ago (apex, "
        "older detection and GAN code bases), cannot even be loaded. `torch._six` held aliases "
        "of the standard library: `collections.abc`, `str`, `int`, `math.inf`."
    )
    references = ("https://github.com/pytorch/pytorch/pull/94709",)
    examples = (
        Example(
            bad="""\
import torch
from torch._six import inf  # expect: DET509

best = inf
""",
            good="""\
import math

import torch

best = math.inf
""",
            proof=Raises(("ModuleNotFoundError", "ImportError"), "No module named 'torch._six'"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        found = []
        for node in index.nodes_on_lines(REMOVED_WORDS):  # the statements where a removed name is written
            if isinstance(node, ast.Import):
                names = [(alias.name, True) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                # `from torch._six import inf` fails on the module; `from torch import _six` on the name
                names = [(node.module, True)] + [(f"{node.module}.{alias.name}", False) for alias in node.names]
            else:
                continue
            for imported, as_module in names:
                row = removed_in(imported)
                if row is not None:
                    error = row.error if as_module else "ImportError"  # a name missing from its module
                    found.append((node, {"name": row.name, "since": row.since, "error": error,
                                         "replacement": row.replacement}))
                    break
        return found
