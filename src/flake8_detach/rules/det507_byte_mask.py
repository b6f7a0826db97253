"""DET507: a uint8 mask where torch now takes only bool masks."""

from __future__ import annotations

from ..syntax.ast_syntax import short_code
from ._byte_masks import uint8_mask_uses
from ._base import Example, Raises, FileRule


class ByteMask(FileRule):
    code = "DET507"
    name = "byte-mask"
    message = "{mask} is {dtype}: {how} raises RuntimeError (make it bool: .bool())"
    needs = (r"uint8|ByteTensor|byte\s*\(", r"\]\s*=(?!=)|masked_")
    what = (
        "Flags `t[mask] = <number>` on a tensor `t`, and `t.masked_fill(mask, ...)`, "
        "`masked_fill_`, `masked_select` and `masked_scatter(_)`, where `mask` is proven to hold "
        "uint8 values: made with `dtype=np.uint8` or `dtype=torch.uint8`, by `torch.ByteTensor`, "
        "`.byte()` or `.astype(np.uint8)`, or indexed, moved to a device or turned into a tensor "
        "(`torch.tensor`, `as_tensor`, `from_numpy`) from such a value.\n\n"
        "The value is followed across the file: through local names (every binding agrees), "
        "attributes of `self` (every assignment in the class agrees), instances of the file's "
        "classes held on `self` and the tuples their methods return: a replay buffer's "
        "`np.zeros(n, dtype=np.uint8)` of done flags, returned by its sample method and masked "
        "with in the agent's training step. The tensor written into must be computed by torch "
        "or come out of a torch.nn module of the file."
    )
    why = (
        "Indexing with a uint8 tensor was deprecated for bool masks long ago; torch 2.13 still "
        "reads through one with a warning, but writing a number through it (`q_next[dones] = 0.0` "
        "runs `masked_fill_`) and the masked functions raise RuntimeError (`masked_fill_ only "
        "supports boolean masks`, and likewise for `masked_select` and `masked_scatter`). Keep the flags as bool (`dtype=np.bool_`) or convert the mask: "
        "`q_next[dones.bool()] = 0.0`."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.Tensor.masked_fill_.html",)
    raises = "RuntimeError"
    examples = (
        Example(
            bad="""\
import numpy as np
import torch


class ReplayBuffer:
    def __init__(self, size):
        self.terminal = np.zeros(size, dtype=np.uint8)

    def sample(self, batch):
        return self.terminal[batch], batch


memory = ReplayBuffer(8)
memory.terminal[1] = 1
done, _ = memory.sample(np.arange(4))
dones = torch.tensor(done)
q_next = torch.ones(4) * 2
q_next[dones] = 0.0  # expect: DET507
""",
            good="""\
import numpy as np
import torch


class ReplayBuffer:
    def __init__(self, size):
        self.terminal = np.zeros(size, dtype=np.bool_)

    def sample(self, batch):
        return self.terminal[batch], batch


memory = ReplayBuffer(8)
memory.terminal[1] = 1
done, _ = memory.sample(np.arange(4))
dones = torch.tensor(done)
q_next = torch.ones(4) * 2
q_next[dones] = 0.0
""",
            proof=Raises("RuntimeError", r"masked_fill_ only supports boolean masks"),
        ),
        Example(
            bad="""\
import torch

scores = torch.randn(2, 3)
padding = (torch.tensor([[5, 7, 0], [4, 0, 0]]) == 0).byte()
scores = scores.masked_fill(padding, float("-inf"))  # expect: DET507
""",
            good="""\
import torch

scores = torch.randn(2, 3)
padding = torch.tensor([[5, 7, 0], [4, 0, 0]]) == 0
scores = scores.masked_fill(padding, float("-inf"))
""",
            proof=Raises("RuntimeError", r"masked_fill_ only supports boolean masks"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        return [
            (use.node, {"mask": short_code(use.mask), "dtype": use.dtype, "how": use.how})
            for use in uint8_mask_uses(index.tree, index.imports)
        ]
