# report: https://github.com/erfanMhi/Deep-Reinforcement-Learning-CS285-Pytorch/blob/6da04f367e52a451c202ae7e5477994c1d149baf/hw2/cs285/policies/MLP_policy.py#L220
# family: removed-api
# expect: 20
# runtime: asserts MSELoss of the (N,1) baseline output against (N,) targets broadcasts to (N,N) and trains toward the batch mean
import warnings
import torch
import torch.nn as nn

torch.manual_seed(0)
N, ob_dim = 6, 3
baseline_prediction = nn.Sequential(nn.Linear(ob_dim, 8), nn.Tanh(), nn.Linear(8, 1))
baseline_optimizer = torch.optim.Adam(baseline_prediction.parameters(), lr=1e-2)
mse_criterion = nn.MSELoss(reduction="mean")
observations = torch.randn(N, ob_dim)
qvals = torch.randn(N) * 5

targets_n = (qvals - torch.mean(qvals)) / (torch.std(qvals) + 1e-8)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    baseline_loss = mse_criterion(baseline_prediction(observations), targets_n)
baseline_optimizer.zero_grad()
baseline_loss.backward()
baseline_optimizer.step()

pred = baseline_prediction(observations).detach()
meant = ((pred.squeeze(1) - targets_n) ** 2).mean()
broadcast = ((pred - targets_n) ** 2).mean()
assert (pred - targets_n).shape == (N, N)
assert any("target size" in str(w.message) for w in caught)
assert not torch.allclose(meant, broadcast)
