# report: https://github.com/ceshine/fast-neural-style/blob/d71f8c19b0584404d68e16457527afa7c8973293/notebooks/01-image-style-transfer.ipynb
# family: removed-api
# expect: 18
# runtime: asserts volatile=True is ignored: the stylized output records a graph holding the network's activations
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
stylizer = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.InstanceNorm2d(4, affine=True), nn.ReLU(), nn.Conv2d(4, 3, 3, padding=1))
stylizer = stylizer.eval()
img_tensor = torch.rand(3, 16, 16).unsqueeze(0)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    # inference on a full-size picture, meant to build no graph
    img_output = stylizer(Variable(img_tensor, volatile=True))
picture = img_output.data.cpu().numpy()[0]

assert any("volatile" in str(w.message) for w in caught)
assert img_output.requires_grad and img_output.grad_fn is not None
