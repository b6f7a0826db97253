# report: https://github.com/sunshineatnoon/LinearStyleTransfer/blob/188e8e5b2ad9dbb00bed6317eb1280ecde48c657/libs/pytorch_spn/modules/gaterecurrent2dnoind.py#L12
# family: removed-api
# expect: 33
# runtime: raises RuntimeError: Legacy autograd function with non-static forward method is deprecated
import torch
import torch.nn as nn
from torch.autograd import Function

torch.manual_seed(0)


class GateRecurrentFunction(Function):
    def __init__(self, horizontal, reverse):
        self.horizontal = horizontal
        self.reverse = reverse

    def forward(self, X, G1, G2, G3):
        # stand-in for the compiled propagation kernel
        self.save_for_backward(X, G1, G2, G3)
        return X * G1 + G2 * G3

    def backward(self, grad_output):
        X, G1, G2, G3 = self.saved_tensors
        return grad_output * G1, grad_output * X, grad_output * G3, grad_output * G2


class GateRecurrent(nn.Module):
    def __init__(self, horizontal, reverse):
        super().__init__()
        self.horizontal, self.reverse = horizontal, reverse

    def forward(self, X, G1, G2, G3):
        return GateRecurrentFunction(self.horizontal, self.reverse)(X, G1, G2, G3)


guide = nn.Conv2d(3, 9, 3, 1, 1)
optimizer_spn = torch.optim.Adam(guide.parameters(), lr=1e-3)
x = torch.rand(1, 3, 8, 8)
G1, G2, G3 = guide(x).chunk(3, 1)
propagated = GateRecurrent(True, False)(x, G1, G2, G3)
loss = nn.MSELoss(reduction='sum')(propagated, x)
optimizer_spn.zero_grad()
loss.backward()
optimizer_spn.step()
