# report: https://github.com/Maghoumi/pytorch-softdtw-cuda/issues/25
# family: grad-missing
# expect: 26 30
# runtime: warns The .grad attribute of a Tensor that is not a leaf Tensor is being accessed
import torch

torch.manual_seed(0)
device = torch.device("cpu")


def soft_dtw(x, y, gamma=0.1):
    """Soft-DTW between batches of sequences, computed in double precision."""
    cost = torch.cdist(x, y) ** 2
    b, n, m = cost.shape
    r = [[torch.full((b,), float("inf"), dtype=x.dtype) for _ in range(m + 1)] for _ in range(n + 1)]
    r[0][0] = torch.zeros(b, dtype=x.dtype)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            prev = torch.stack([r[i - 1][j - 1], r[i - 1][j], r[i][j - 1]])
            r[i][j] = cost[:, i - 1, j - 1] - gamma * torch.logsumexp(-prev / gamma, dim=0)
    return r[n][m]


x = torch.rand((4, 5, 3), requires_grad=True)
y = torch.rand((4, 4, 3))
x = x.to(device=device, dtype=torch.float64)
y = y.to(device=device, dtype=torch.float64)
loss = soft_dtw(x, y)
loss.mean().backward()
x_grad = x.grad
assert x_grad is None
