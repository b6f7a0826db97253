# report: https://github.com/cyoon1729/deep-Q-networks/blob/cb3f1551bc927fedf7166d7b0b3834aaff07d32e/vanillaDQN/dqn.py#L51
# family: gan-step
# expect: 27 28
# runtime: asserts the TD target from the online model keeps its graph: the MSE backpropagates through max Q(s'), a residual gradient instead of the DQN semi-gradient
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
np.random.seed(0)
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
optimizer = torch.optim.Adam(model.parameters())
MSE_loss = nn.MSELoss()
gamma = 0.99
batch = (
    [np.random.randn(4) for _ in range(8)],
    [int(a) for a in np.random.randint(0, 2, 8)],
    [np.array([1.0]) for _ in range(8)],
    [np.random.randn(4) for _ in range(8)],
)
states, actions, rewards, next_states = batch
states = torch.FloatTensor(np.array(states))
actions = torch.LongTensor(actions)
rewards = torch.FloatTensor(np.array(rewards))
next_states = torch.FloatTensor(np.array(next_states))
curr_Q = model.forward(states).gather(1, actions.unsqueeze(1)).squeeze(1)
max_next_Q = torch.max(model.forward(next_states), 1)[0]
expected_Q = rewards.squeeze(1) + gamma * max_next_Q
loss = MSE_loss(curr_Q, expected_Q)
optimizer.zero_grad()
loss.backward(retain_graph=True)
residual = [p.grad.clone() for p in model.parameters()]
optimizer.zero_grad()
MSE_loss(curr_Q, expected_Q.detach()).backward()
semi = [p.grad.clone() for p in model.parameters()]
assert expected_Q.requires_grad
assert any(not torch.allclose(a, b) for a, b in zip(residual, semi))
