# report: https://github.com/cyoon1729/deep-Q-networks/blob/cb3f1551bc927fedf7166d7b0b3834aaff07d32e/categoricalDQN/c51.py#L46
# family: grad-missing
# expect: 31
# runtime: asserts the C51 loss is built from the next-state distribution and its own projection: the current action distribution gets no gradient
import torch
import torch.nn as nn

torch.manual_seed(0)
n_atoms, n_actions, batch_size = 5, 2, 3
model = nn.Linear(4, n_actions * n_atoms)
softmax = nn.Softmax(dim=1)
states = torch.randn(batch_size, 4)
next_states = torch.randn(batch_size, 4)
actions = torch.tensor([0, 1, 0])
support = torch.linspace(-1.0, 1.0, n_atoms)

def kl(p, q):
    return torch.sum(p * (torch.log(p) - torch.log(q)))

curr_dist = model(states).view(batch_size, -1, n_atoms)
curr_action_dist = curr_dist[range(batch_size), actions]
next_dist = softmax(model(next_states).view(batch_size, -1, n_atoms))
next_actions = torch.max(torch.sum(next_dist * support, dim=2), 1)[1]
optimal_dist = next_dist[range(batch_size), next_actions]
projection = torch.zeros(batch_size, n_atoms)
for i in range(batch_size):
    for j in range(n_atoms):
        k = min(j + 1, n_atoms - 1)
        projection[i][k] = projection[i][k] + optimal_dist[i][j]
projection = projection + 1e-3
loss = -kl(optimal_dist, projection)
loss = loss.mean()
grad_curr, = torch.autograd.grad(loss, curr_action_dist, allow_unused=True)
assert grad_curr is None
