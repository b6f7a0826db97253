# report: https://github.com/LTS4/DeepFool/blob/575f3d847ee65d78c0e3b0306657e3e6d575ba7b/Python/deepfool.py#L5
# family: removed-api
# expect: 9
# runtime: raises ImportError: cannot import name 'zero_gradients'
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable
from torch.autograd.gradcheck import zero_gradients

torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 4 * 4, 5)).eval()
image = torch.rand(3, 6, 6)
x = Variable(image[None, :], requires_grad=True)
fs = net.forward(x)
I = np.argsort(fs.data.numpy().flatten())[::-1]
fs[0, I[0]].backward(retain_graph=True)
grad_orig = x.grad.data.numpy().copy()
for k in range(1, 5):
    zero_gradients(x)
    fs[0, I[k]].backward(retain_graph=True)
    w_k = x.grad.data.numpy().copy() - grad_orig
