# report: https://github.com/feicccccccc/DQN_Pytorch/blob/0407dc210389927daa979240922e9f58fb438b90/agent.py#L159
# family: gan-step
# expect: 32
# runtime: asserts the TD target built from q_next(next_states) without detach/no_grad sends every loss.backward() into the target network, whose .grad keeps accumulating (never zeroed)
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(0)


def make_net():
    return nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))


q_eval, q_next = make_net(), make_net()
q_next.load_state_dict(q_eval.state_dict())
optimizer = optim.Adam(q_eval.parameters(), lr=1e-4)
loss_fn = nn.MSELoss()
gamma, batch_size = 0.99, 8
fresh = []
for step in range(2):
    states, next_states = torch.randn(batch_size, 4), torch.randn(batch_size, 4)
    actions = torch.randint(0, 2, (batch_size,))
    rewards = torch.rand(batch_size)
    terminals = torch.rand(batch_size) > 0.8
    optimizer.zero_grad()
    indices = np.arange(batch_size)
    q_pred = q_eval(states)[indices, actions]
    q_next_v = q_next(next_states).max(dim=1)[0]
    q_next_v[terminals] = 0.0
    q_target = rewards + gamma * q_next_v
    loss = loss_fn(q_target, q_pred)
    fresh.append(torch.autograd.grad(loss, q_next[2].weight, retain_graph=True)[0])
    loss.backward()
    optimizer.step()

assert fresh[0].abs().sum() > 0
assert torch.allclose(q_next[2].weight.grad, fresh[0] + fresh[1], atol=1e-6)
