# report: https://github.com/ChenRocks/fast_abs_rl/blob/a3cd65016082ab842be4e42b0b26b7bc046f4ad5/rl.py#L102
# family: non-scalar-backward
# expect: 34
# runtime: raises RuntimeError: Mismatch in shape
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import autograd

torch.manual_seed(0)
n_sents, dim = 5, 8
encoder = nn.Linear(dim, dim)
actor_head = nn.Linear(dim, 1)
critic_head = nn.Linear(dim, 1)
opt = torch.optim.Adam(list(encoder.parameters()) + list(actor_head.parameters()) + list(critic_head.parameters()), lr=1e-3)

opt.zero_grad()
enc = torch.tanh(encoder(torch.randn(n_sents, dim)))
probs, actions, baselines = [], [], []
for _ in range(3):
    m = torch.distributions.Categorical(F.softmax(actor_head(enc).t(), dim=-1))
    probs.append(m)
    actions.append(m.sample())
    baselines.append(critic_head(enc.mean(0, keepdim=True)))
reward = torch.tensor([0.3, -0.1, 0.5])
reward = (reward - reward.mean()) / (reward.std() + 1e-6)
baseline = torch.cat(baselines).squeeze()
losses = []
for action, p, r, b in zip(actions, probs, reward, baseline):
    advantage = r - b.detach()
    losses.append(-p.log_prob(action).squeeze() * (advantage / len(actions)))
critic_loss = F.mse_loss(baseline, reward)  # a 0-dim loss
# one gradient of shape (1,) per 0-dim output: torch now refuses the shape mismatch
autograd.backward([critic_loss] + losses, [torch.ones(1)] * (1 + len(losses)))
opt.step()
