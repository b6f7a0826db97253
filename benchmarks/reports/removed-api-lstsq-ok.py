# report: https://github.com/PatrickZH/DeepCore/issues/10
# family: removed-api
# expect: none
# runtime: runs: torch.linalg.lstsq(A, B).solution, arguments in the new order
# twin: removed-api-lstsq.py
import torch


def orthogonal_matching_pursuit(A, b, budget):
    d, n = A.shape
    indices, resid = [], b.clone()
    x_i = None
    for _ in range(budget):
        projections = A.t() @ resid
        indices.append(int(projections.abs().argmax()))
        A_i = A[:, indices]
        temp = A_i.t() @ A_i + 1e-4 * torch.eye(len(indices))
        x_i = torch.linalg.lstsq(temp, (A_i.t() @ b).view(-1, 1)).solution
        resid = b - A_i @ x_i.view(-1)
    return indices, x_i


torch.manual_seed(0)
per_example_grads = torch.randn(10, 6)
full_grad = per_example_grads.sum(1)
indices, weights = orthogonal_matching_pursuit(per_example_grads, full_grad, budget=3)
assert len(indices) == 3 and weights.shape == (3, 1)
