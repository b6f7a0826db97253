# report: https://github.com/PacktPublishing/PyTorch-1.x-Reinforcement-Learning-Cookbook/blob/7ded3e1221cb1fa40bc97c626d0b53df3da80df4/Chapter08/chapter8/reinforce_baseline.py#L142
# family: gan-step
# expect: 24
# runtime: asserts returns (T,) minus the value net's predictions (T,1) broadcasts to (T,T): each step's log-prob is weighted by the sum over all baselines instead of G_t - V(s_t)
import torch
import torch.nn as nn

torch.manual_seed(0)
T = 5
policy = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2), nn.Softmax(dim=-1))
value = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))
opt = torch.optim.Adam(policy.parameters(), lr=3e-3)

states = torch.randn(T, 4)
log_probs = []
for s in states:
    probs = policy(s)
    a = torch.multinomial(probs, 1).item()
    log_probs.append(torch.log(probs[a]))
returns = torch.tensor([4.0, 3.0, 2.5, 1.5, 1.0])
with torch.no_grad():
    baseline_values = value(states)  # (T, 1)

advantages = returns - baseline_values
policy_gradient = [-lp * adv for lp, adv in zip(log_probs, advantages)]
loss = torch.stack(policy_gradient).sum()
opt.zero_grad()
loss.backward()
opt.step()

assert advantages.shape == (T, T)
intended = returns - baseline_values.squeeze(1)
assert not torch.allclose(advantages[0], intended[0].expand(T))
