# report: https://github.com/pyg-team/pytorch_geometric/issues/7670
# family: removed-api
# expect: 13
# runtime: asserts the ported call solves the wrong system: torch.linalg.solve takes (A, B), not (B, A)
import torch


def tikhonov_smooth(signal, laplacian, alpha=0.5):
    # Graph smoothing: solve (I + alpha * L) x = signal for x.
    A = torch.eye(laplacian.shape[0]) + alpha * laplacian
    B = signal
    # was: x = torch.solve(B, A).solution
    x = torch.linalg.solve(B, A)
    return x, A


torch.manual_seed(0)
adj = (torch.rand(4, 4) > 0.5).float()
adj = ((adj + adj.t()) > 0).float().fill_diagonal_(0)
laplacian = torch.diag(adj.sum(1)) - adj
signal = torch.randn(4, 4)  # four features per node: B is square too, so nothing complains
x, A = tikhonov_smooth(signal, laplacian)
assert x.shape == signal.shape
assert not torch.allclose(A @ x, signal, atol=1e-4)
