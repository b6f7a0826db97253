# report: https://github.com/Cysu/open-reid/blob/3293ca79a07ebee7f995ce647aafa7df755207b8/reid/loss/oim.py#L31
# family: removed-api
# expect: 33
# runtime: raises RuntimeError: Legacy autograd function with non-static forward method is deprecated
import torch
import torch.nn.functional as F
from torch import autograd, nn


class OIM(autograd.Function):
    def __init__(self, lut, momentum=0.5):
        super(OIM, self).__init__()
        self.lut = lut
        self.momentum = momentum

    def forward(self, inputs, targets):
        self.save_for_backward(inputs, targets)
        return inputs.mm(self.lut.t())

    def backward(self, grad_outputs):
        inputs, targets = self.saved_tensors
        grad_inputs = grad_outputs.mm(self.lut)
        for x, y in zip(inputs, targets):
            self.lut[y] = self.momentum * self.lut[y] + (1. - self.momentum) * x
            self.lut[y] /= self.lut[y].norm()
        return grad_inputs, None


torch.manual_seed(0)
lut = torch.zeros(4, 3)
feats = F.normalize(torch.randn(5, 3, requires_grad=True))
targets = torch.randint(0, 4, (5,))
scores = OIM(lut, momentum=0.5)(feats, targets)
scores = scores * 30.0
loss = F.cross_entropy(scores, targets)
loss.backward()
