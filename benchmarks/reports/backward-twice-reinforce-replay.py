# report: https://github.com/pytorch/examples/issues/151
# family: backward-twice
# expect: 33 43
# runtime: raises RuntimeError: Trying to backward through the graph a second time
import torch
import torch.nn as nn
from torch.distributions import Categorical

torch.manual_seed(0)


class Policy(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
        self.saved_log_probs, self.rewards = [], []

    def act(self, state):
        dist = Categorical(logits=self.net(state))
        action = dist.sample()
        self.saved_log_probs.append(dist.log_prob(action))
        return action.item()


def finish_episode(policy, optimizer, gamma=0.99):
    R, returns = 0.0, []
    for r in reversed(policy.rewards):
        R = r + gamma * R
        returns.insert(0, R)
    returns = torch.tensor(returns)
    loss = -(torch.stack(policy.saved_log_probs) * returns).sum()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()


policy = Policy()
optimizer = torch.optim.Adam(policy.parameters(), lr=1e-2)
for t in range(5):
    policy.act(torch.randn(4))
    policy.rewards.append(1.0)
for replay in range(2):  # reuse the stored episode for more updates
    finish_episode(policy, optimizer)
