# report: https://github.com/aaron-xichen/pytorch-playground/blob/5d476295f1c1564c8074eb885bb6138d6bd09889/utee/quant.py#L60
# family: removed-api
# expect: 16 17
# runtime: raises IndexError: too many indices for array
import math
import torch
from torch.autograd import Variable


def min_max_quantize(input, bits):
    assert bits >= 1, bits
    if bits == 1:
        return torch.sign(input) - 1
    min_val, max_val = input.min(), input.max()
    if isinstance(min_val, Variable):
        max_val = float(max_val.data.cpu().numpy()[0])
        min_val = float(min_val.data.cpu().numpy()[0])
    input_rescale = (input - min_val) / (max_val - min_val)
    n = math.pow(2.0, bits) - 1
    v = torch.floor(input_rescale * n + 0.5) / n
    return v * (max_val - min_val) + min_val


torch.manual_seed(0)
min_max_quantize(torch.randn(3, 4), 8)
