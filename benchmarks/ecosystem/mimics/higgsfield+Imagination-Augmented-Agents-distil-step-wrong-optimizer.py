# report: https://github.com/higgsfield/Imagination-Augmented-Agents/blob/58a47029fa2e1403aaf9e57b7f6836485ed5a195/4.imagination-augmented%20agent.ipynb
# family: optimizer-misuse
# expect: 39
# runtime: asserts the distillation policy never changes while the agent's optimizer applies a second step with the agent's old gradients
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(0)
agent = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 4))
distil = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 4))
optimizer = optim.RMSprop(agent.parameters(), lr=1e-2)
distil_optimizer = optim.Adam(distil.parameters(), lr=1e-2)

states = torch.randn(10, 6)
actions = torch.randint(0, 4, (10, 1))
returns = torch.randn(10, 1)

distil_before = [p.detach().clone() for p in distil.parameters()]

logit = agent(states)
distil_logit = distil(states)
distil_loss = 0.01 * (F.softmax(logit, 1).detach() * F.log_softmax(distil_logit, 1)).sum(1).mean()
log_probs = F.log_softmax(logit, 1).gather(1, actions)
loss = -(returns * log_probs).mean()

optimizer.zero_grad()
loss.backward()
optimizer.step()
agent_after_one = [p.detach().clone() for p in agent.parameters()]
agent_grads = [p.grad.clone() for p in agent.parameters()]

distil_optimizer.zero_grad()
distil_loss.backward()
# the distil policy gradients are now in place
assert all(p.grad is not None and p.grad.abs().sum() > 0 for p in distil.parameters())
# ... but the wrong optimizer is stepped
optimizer.step()

assert all(torch.equal(a, b) for a, b in zip(distil_before, distil.parameters()))  # distil never trained
assert all(torch.equal(g, p.grad) for g, p in zip(agent_grads, agent.parameters()))  # same stale grads
assert not all(torch.equal(a, p) for a, p in zip(agent_after_one, agent.parameters()))  # agent stepped twice
print('distil unchanged, agent stepped twice on one gradient')
