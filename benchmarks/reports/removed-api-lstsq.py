# report: https://github.com/PatrickZH/DeepCore/issues/10
# family: removed-api
# expect: 19
# runtime: raises RuntimeError: This function was deprecated since version 1.9 and is now removed
# twin: removed-api-lstsq-ok.py
import torch


def orthogonal_matching_pursuit(A, b, budget):
    # Greedily pick columns of A (per-example gradients) that best explain b.
    d, n = A.shape
    indices, resid = [], b.clone()
    x_i = None
    for _ in range(budget):
        projections = A.t() @ resid
        indices.append(int(projections.abs().argmax()))
        A_i = A[:, indices]
        temp = A_i.t() @ A_i + 1e-4 * torch.eye(len(indices))
        x_i, _ = torch.lstsq((A_i.t() @ b).view(-1, 1), temp)
        resid = b - A_i @ x_i.view(-1)
    return indices, x_i


torch.manual_seed(0)
per_example_grads = torch.randn(10, 6)
full_grad = per_example_grads.sum(1)
print(orthogonal_matching_pursuit(per_example_grads, full_grad, budget=3))
