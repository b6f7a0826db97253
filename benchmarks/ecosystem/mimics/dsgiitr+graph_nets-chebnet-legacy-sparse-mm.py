# report: https://github.com/dsgiitr/graph_nets/blob/92b173a1f5ad9b3db7416709696b2635a9e90b6f/ChebNet/Chebnet_Blog+Code.ipynb
# family: removed-api
# expect: 29 32
# runtime: raises RuntimeError: Legacy autograd function with non-static forward method is deprecated
import torch
import torch.nn as nn


class my_sparse_mm(torch.autograd.Function):
    def forward(self, W, x):
        self.save_for_backward(W, x)
        return torch.mm(W, x)

    def backward(self, grad_output):
        W, x = self.saved_tensors
        grad_input = grad_output.clone()
        return torch.mm(grad_input, x.t()), torch.mm(W.t(), grad_input)


torch.manual_seed(1)
V, Fin, B, K = 6, 1, 3, 3
idx = torch.tensor([[0, 1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 0]])
L = torch.sparse_coo_tensor(idx, torch.rand(6), (V, V))
cl = nn.Linear(K * Fin, 4)
x = torch.randn(B, V, Fin)

x0 = x.permute(1, 2, 0).contiguous().view(V, Fin * B)
xs = x0.unsqueeze(0)
x1 = my_sparse_mm()(L, x0)
xs = torch.cat((xs, x1.unsqueeze(0)), 0)
for k in range(2, K):
    x2 = 2 * my_sparse_mm()(L, x1) - x0
    xs = torch.cat((xs, x2.unsqueeze(0)), 0)
    x0, x1 = x1, x2
out = cl(xs.view(K, V, Fin, B).permute(3, 1, 2, 0).reshape(B * V, Fin * K))
out.sum().backward()
