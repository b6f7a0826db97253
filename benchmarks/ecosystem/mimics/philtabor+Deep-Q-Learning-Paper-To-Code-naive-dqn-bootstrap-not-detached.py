# report: https://github.com/philtabor/Deep-Q-Learning-Paper-To-Code/blob/64e0546d95ba313fb677f193abbdc38f463c4aa3/naive_deep_q_learning/cartpole_naive_dqn.py#L67
# family: gan-step
# expect: 27
# runtime: asserts the loss backpropagates through the bootstrap max Q(s') of the same network (q_target is not detached), so the update is a residual gradient, not the Q-learning semi-gradient
import torch
import torch.nn as nn
import torch.nn.functional as F


class LinQ(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(4, 32), nn.Linear(32, 2)

    def forward(self, s):
        return self.fc2(F.relu(self.fc1(s)))


torch.manual_seed(0)
Q = LinQ()
mse = nn.MSELoss()
state, state_ = torch.randn(4), torch.randn(4)
action, reward, gamma = 1, torch.tensor(1.0), 0.99

q_pred = Q(state)[action]
q_next = Q(state_).max()
q_target = reward + gamma * q_next
loss = mse(q_target, q_pred)
Q.zero_grad()
loss.backward()
g_code = Q.fc1.weight.grad.clone()

Q.zero_grad()
mse(reward + gamma * Q(state_).max().detach(), Q(state)[action]).backward()
g_semi = Q.fc1.weight.grad.clone()
print("grad difference norm:", (g_code - g_semi).norm().item())
assert not torch.allclose(g_code, g_semi)
