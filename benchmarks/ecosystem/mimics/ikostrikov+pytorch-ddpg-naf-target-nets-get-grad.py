# report: https://github.com/ikostrikov/pytorch-ddpg-naf/blob/ec5a46927faf9a1f85d895416ad1d7e02ac0df04/ddpg.py#L154
# family: gan-step
# expect: 36
# runtime: asserts the value loss backpropagates into the target actor and target critic, whose .grad keeps growing every update
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
S, A = 3, 2


class Critic(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(S, 8)
        self.l2 = nn.Linear(8 + A, 1)

    def forward(self, s, a):
        return self.l2(torch.cat((F.relu(self.l1(s)), a), 1))


actor, actor_target = nn.Sequential(nn.Linear(S, A), nn.Tanh()), nn.Sequential(nn.Linear(S, A), nn.Tanh())
critic, critic_target = Critic(), Critic()
actor_target.load_state_dict(actor.state_dict())
critic_target.load_state_dict(critic.state_dict())
critic_optim = torch.optim.Adam(critic.parameters(), lr=1e-3)

norms = []
for _ in range(3):
    s, a, s2 = torch.randn(6, S), torch.rand(6, A) * 2 - 1, torch.randn(6, S)
    r, mask = torch.randn(6, 1), torch.ones(6, 1)

    next_action = actor_target(s2)
    next_value = critic_target(s2, next_action)
    expected = r + 0.99 * mask * next_value
    critic_optim.zero_grad()
    value_loss = F.mse_loss(critic(s, a), expected)
    value_loss.backward()
    critic_optim.step()
    norms.append(critic_target.l2.weight.grad.norm().item())

assert actor_target[0].weight.grad is not None  # gradient reached the target actor
assert norms[0] > 0 and norms[2] != norms[0]  # and the target critic's .grad is never reset
