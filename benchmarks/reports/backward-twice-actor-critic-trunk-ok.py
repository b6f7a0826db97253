# report: https://github.com/cpnota/autonomous-learning-library/issues/61
# family: backward-twice
# expect: none
# runtime: runs: the two heads' losses are summed and the shared trunk is traversed once
# twin: backward-twice-actor-critic-trunk.py
import torch
import torch.nn as nn
from torch.distributions import Categorical

torch.manual_seed(0)


class ActorCritic(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Linear(4, 32), nn.ReLU())
        self.policy = nn.Linear(32, 2)
        self.value = nn.Linear(32, 1)

    def forward(self, obs):
        h = self.features(obs)
        return Categorical(logits=self.policy(h)), self.value(h).squeeze(-1)


model = ActorCritic()
optimizer = torch.optim.RMSprop(model.parameters(), lr=7e-4)
obs, returns = torch.randn(16, 4), torch.randn(16)
dist, values = model(obs)
actions = dist.sample()
advantages = (returns - values).detach()
policy_loss = -(dist.log_prob(actions) * advantages).mean()
value_loss = (returns - values).pow(2).mean()
optimizer.zero_grad()
(policy_loss + 0.5 * value_loss).backward()
optimizer.step()
assert model.features[0].weight.grad is not None
