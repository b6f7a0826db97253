# report: https://github.com/tsmatz/reinforcement-learning-tutorials/blob/a8506d6e7f4bf6b3ad200e87dfb5d0ee62dc76d5/03-actor-critic.ipynb
# family: gan-step
# expect: 33
# runtime: asserts cum_rewards (N,) minus the unsqueezed critic values (N,1) broadcasts the advantages to (N,N): the actor step gets N*(G - mean V) instead of G - V(s)
import torch
import torch.nn as nn
from torch.nn import functional as F

torch.manual_seed(0)
actor_func = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
value_func = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
opt2 = torch.optim.AdamW(actor_func.parameters(), lr=0.001)
n = 5
states = torch.randn(n, 4)
actions = torch.randint(0, 2, (n,))
cum_rewards = torch.rand(n) * 10


def actor_grad(advantages):
    actor_func.zero_grad()
    log_probs = -F.cross_entropy(actor_func(states), actions, reduction="none")
    (-log_probs * advantages).sum().backward()
    return actor_func[0].weight.grad.clone()


with torch.no_grad():
    v = value_func(states).squeeze(dim=1)
intended = actor_grad(cum_rewards - v)

with torch.no_grad():
    values = value_func(states)
opt2.zero_grad()
advantages = cum_rewards - values
logits = actor_func(states)
log_probs = -F.cross_entropy(logits, actions, reduction="none")
pi_loss = -log_probs * advantages
pi_loss.sum().backward()

assert advantages.shape == (n, n)
assert not torch.allclose(actor_func[0].weight.grad, intended)
assert torch.allclose(actor_func[0].weight.grad, actor_grad(n * (cum_rewards - v.mean())), atol=1e-5)
