# report: https://github.com/xbresson/spectral_graph_convnets/blob/1919c6f5be4b75c6657ec6c3708a7349810b5f3f/02_graph_convnet_lenet5_mnist_pytorch.ipynb
# family: removed-api
# expect: 28,30
# runtime: raises RuntimeError: Legacy autograd function with non-static forward method is deprecated
import torch
import torch.nn as nn


class SparseTimesDense(torch.autograd.Function):
    def forward(self, W, x):
        self.save_for_backward(W, x)
        return torch.mm(W, x)

    def backward(self, grad_output):
        W, x = self.saved_tensors
        return torch.mm(grad_output, x.t()), torch.mm(W.t(), grad_output)


torch.manual_seed(0)
V, Fin, B, K = 6, 1, 3, 3
rows = torch.tensor([[0, 1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 0]])
lap = torch.sparse_coo_tensor(rows, torch.rand(6), (V, V))
mixer = nn.Linear(Fin * K, 4)
signal = torch.randn(B, V, Fin)

x0 = signal.permute(1, 2, 0).contiguous().view(V, Fin * B)
stack = x0.unsqueeze(0)
x1 = SparseTimesDense()(lap, x0)
stack = torch.cat((stack, x1.unsqueeze(0)), 0)
x2 = 2 * SparseTimesDense()(lap, x1) - x0
stack = torch.cat((stack, x2.unsqueeze(0)), 0)
out = mixer(stack.view(K, V, Fin, B).permute(3, 1, 2, 0).reshape(B * V, Fin * K))
out.sum().backward()
