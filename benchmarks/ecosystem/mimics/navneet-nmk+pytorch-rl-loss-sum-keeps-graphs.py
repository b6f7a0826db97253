# report: https://github.com/navneet-nmk/pytorch-rl/blob/8329234822dcb977931c72db691eabf5b635788c/train_dqn.py#L176
# family: graph-kept
# expect: 26
# runtime: asserts the running loss is a tensor chained to every step's graph instead of a number
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
dqn_model = nn.Linear(5, 3)


def fit_batch():
    optimizer = torch.optim.Adam(dqn_model.parameters(), lr=1e-3)
    optimizer.zero_grad()
    outputs = dqn_model(torch.randn(8, 5)).gather(1, torch.randint(0, 3, (8, 1)))
    loss = F.smooth_l1_loss(outputs, torch.randn(8, 1))
    loss.backward()
    optimizer.step()
    return loss, 1.0


loss = 0
for t in range(10):
    loss_n, r = fit_batch()
    loss += loss_n
assert isinstance(loss, torch.Tensor) and loss.requires_grad
# walk the chain of additions: one node per step is still referenced
depth, fn = 0, loss.grad_fn
while fn is not None and type(fn).__name__ == "AddBackward0":
    depth += 1
    fn = fn.next_functions[0][0]
assert depth >= 9
