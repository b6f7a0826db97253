# report: https://discuss.pytorch.org/t/when-inplace-operation-are-allowed-and-when-not/169583/3
# family: inplace-saved-tensor
# expect: 19
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
# twin: inplace-saved-tensor-exp-ratio-clamp-ok.py
import torch
import torch.nn as nn

torch.manual_seed(0)
policy = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 3))
optimizer = torch.optim.Adam(policy.parameters(), lr=3e-4)


def ppo_loss(states, actions, old_logp, advantages, eps=0.2):
    logp = torch.log_softmax(policy(states), dim=-1)
    new_logp = logp.gather(1, actions[:, None]).squeeze(1)
    ratio = (new_logp - old_logp).exp()
    surr1 = ratio * advantages
    ratio.clamp_(1 - eps, 1 + eps)
    surr2 = ratio * advantages
    return -torch.min(surr1, surr2).mean()


states = torch.randn(8, 4)
actions = torch.randint(0, 3, (8,))
old_logp = torch.log(torch.full((8,), 1 / 3))
advantages = torch.randn(8)
for epoch in range(2):
    loss = ppo_loss(states, actions, old_logp, advantages)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
