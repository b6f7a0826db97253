# report: https://github.com/higgsfield/Imagination-Augmented-Agents/blob/58a47029fa2e1403aaf9e57b7f6836485ed5a195/2.actor-critic.ipynb
# family: removed-api
# expect: 27
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 5))
optimizer = optim.RMSprop(net.parameters(), lr=7e-4, eps=1e-5, alpha=0.99)
all_losses = []
states = torch.randn(8, 6)
actions = torch.randint(0, 4, (8, 1))
returns = torch.randn(8, 1)

out = net(states)
logit, values = out[:, :4], out[:, 4:]
log_probs = F.log_softmax(logit, 1)
advantages = returns - values
loss = 0.5 * advantages.pow(2).mean() - (advantages.detach() * log_probs.gather(1, actions)).mean()
optimizer.zero_grad()
loss.backward()
nn.utils.clip_grad_norm_(net.parameters(), 0.5)
optimizer.step()
all_losses.append(loss.data[0])
