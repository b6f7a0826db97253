# report: https://github.com/NVlabs/MUNIT/blob/a82e222bc359892bd0f522d7a0f1573f3ec4a485/test_batch.py#L101
# family: removed-api
# expect: 21
# runtime: asserts Variable(images, volatile=True) no longer disables autograd: every translated batch records a graph through encoder and decoder
import warnings

import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
encoder = nn.Sequential(nn.Conv2d(3, 4, 3, 2, 1), nn.InstanceNorm2d(4), nn.ReLU())
decoder = nn.Sequential(nn.Upsample(scale_factor=2), nn.Conv2d(4, 3, 3, 1, 1), nn.Tanh())
encoder.eval()
decoder.eval()

loader = [torch.randn(1, 3, 8, 8) for _ in range(3)]
graphs = []
for images in loader:
    images = Variable(images, volatile=True)
    content = encoder(images)
    outputs = (decoder(content) + 1) / 2.0
    graphs.append(outputs.grad_fn is not None)
    saved = outputs.data

assert all(graphs)
assert outputs.requires_grad
