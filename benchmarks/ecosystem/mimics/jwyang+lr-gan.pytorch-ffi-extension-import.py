# report: https://github.com/jwyang/lr-gan.pytorch/blob/824a9719d8dbd6698721c8eee22120f5b793a2b2/_ext/stnm/__init__.py#L2
# family: removed-api
# expect: 7
# runtime: raises ModuleNotFoundError: No module named 'torch.utils.ffi'
import torch

from torch.utils.ffi import _wrap_function

canvas = torch.zeros(2, 8, 8, 3)
print(_wrap_function, canvas.shape)
