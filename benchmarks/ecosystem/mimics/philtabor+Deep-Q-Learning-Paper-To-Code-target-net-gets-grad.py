# report: https://github.com/philtabor/Deep-Q-Learning-Paper-To-Code/blob/64e0546d95ba313fb677f193abbdc38f463c4aa3/DQN/dqn_agent.py#L93
# family: gan-step
# expect: 36
# runtime: asserts the TD loss backpropagates into the target network q_next (its output is not detached and it is not run under no_grad), whose .grad grows every update because only q_eval's optimizer is zeroed
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim


class QNet(nn.Module):
    def __init__(self, lr):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(4, 16), nn.Linear(16, 2)
        self.optimizer = optim.RMSprop(self.parameters(), lr=lr)
        self.loss = nn.MSELoss()

    def forward(self, s):
        return self.fc2(torch.relu(self.fc1(s)))


torch.manual_seed(0)
q_eval, q_next_net = QNet(1e-3), QNet(1e-3)
q_next_net.load_state_dict(q_eval.state_dict())
states, states_ = torch.randn(8, 4), torch.randn(8, 4)
actions = torch.randint(0, 2, (8,))
rewards = torch.randn(8)
dones = torch.tensor([False] * 7 + [True])
indices = np.arange(8)
norms = []
for it in range(3):
    q_eval.optimizer.zero_grad()
    q_pred = q_eval(states)[indices, actions]
    q_next = q_next_net(states_).max(dim=1)[0]
    q_next[dones] = 0.0
    q_target = rewards + 0.99 * q_next
    loss = q_eval.loss(q_target, q_pred)
    loss.backward()
    q_eval.optimizer.step()
    norms.append(q_next_net.fc2.weight.grad.norm().item())

print("target-net grad norm after each update:", norms)
assert q_next_net.fc2.weight.grad is not None and norms[2] > norms[0]
