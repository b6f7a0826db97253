# report: https://github.com/sweetice/Deep-reinforcement-learning-with-pytorch/blob/7b9fac7e5e40ffdc6f7ccb8b0a81e7841370a996/Char02%20Policy%20Gradient/REINFORCE_with_Baseline.py#L130
# family: optimizer-misuse
# expect: 29 30
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical

torch.manual_seed(0)
hidden = nn.Linear(4, 16)
head = nn.Linear(16, 2)
opt = torch.optim.Adam(list(hidden.parameters()) + list(head.parameters()), lr=1e-3)

# the rollout keeps one log-probability per step, each with its own graph through head.weight
log_probs = []
for _ in range(3):
    probs = F.softmax(head(F.relu(hidden(torch.randn(1, 4)))), dim=1)
    dist = Categorical(probs)
    action = dist.sample()
    log_probs.append(dist.log_prob(action))

returns = [1.0, 0.9, 0.8]
# one optimizer step per stored log-probability: the first step rewrites head.weight in place,
# which the second log-probability's graph still needs
for i in range(len(returns)):
    opt.zero_grad()
    loss = -log_probs[i] * returns[i]
    loss.backward(retain_graph=True)
    opt.step()
