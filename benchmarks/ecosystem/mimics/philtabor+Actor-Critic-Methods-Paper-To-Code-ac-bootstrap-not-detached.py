# report: https://github.com/philtabor/Actor-Critic-Methods-Paper-To-Code/blob/10d46855496eb2dd2edc3b27db898950ce62f624/ActorCritic/actor_critic_torch.py#L58
# family: gan-step
# expect: 26
# runtime: asserts the TD error keeps V(s') in the graph: critic_loss = delta**2 backpropagates through the bootstrap V(s'), a residual gradient instead of the TD semi-gradient
import torch
import torch.nn as nn
import torch.nn.functional as F


class Critic(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(3, 8)
        self.v = nn.Linear(8, 1)

    def forward(self, state):
        return self.v(F.relu(self.fc1(state)))


torch.manual_seed(0)
net = Critic()
state = torch.tensor([[0.1, -0.2, 0.3]])
state_ = torch.tensor([[0.2, 0.1, -0.4]])
critic_value = net(state)
critic_value_ = net(state_)
delta = torch.tensor(1.0) + 0.99 * critic_value_ * (1 - int(False)) - critic_value
critic_loss = delta ** 2
full = torch.autograd.grad(critic_loss.sum(), list(net.parameters()), retain_graph=True)
semi_delta = torch.tensor(1.0) + 0.99 * critic_value_.detach() - critic_value
semi = torch.autograd.grad((semi_delta ** 2).sum(), list(net.parameters()))
assert critic_value_.requires_grad
assert any(not torch.allclose(a, b) for a, b in zip(full, semi))
