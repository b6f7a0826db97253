# report: https://github.com/Rafael1s/Deep-Reinforcement-Learning-Algorithms/blob/85b1148de13cd5a2a46cce016412f783163e50a0/BipedalWalker-Soft-Actor-Critic/sac_agent.py#L77
# family: inplace-saved-tensor
# expect: 54
# runtime: raises RuntimeError: modified by an inplace operation
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim import Adam

torch.manual_seed(0)
S, A, H, B = 5, 2, 16, 8


class TwinQ(nn.Module):
    def __init__(self):
        super().__init__()
        self.q1 = nn.Sequential(nn.Linear(S + A, H), nn.ReLU(), nn.Linear(H, 1))
        self.q2 = nn.Sequential(nn.Linear(S + A, H), nn.ReLU(), nn.Linear(H, 1))

    def forward(self, s, a):
        x = torch.cat([s, a], 1)
        return self.q1(x), self.q2(x)


critic = TwinQ()
policy = nn.Sequential(nn.Linear(S, H), nn.ReLU(), nn.Linear(H, 2 * A))
critic_optim = Adam(critic.parameters(), lr=3e-4)
policy_optim = Adam(policy.parameters(), lr=3e-4)
alpha = 0.2

state_batch, action_batch = torch.randn(B, S), torch.randn(B, A)
next_q_value = torch.randn(B, 1)

qf1, qf2 = critic(state_batch, action_batch)
qf1_loss = F.mse_loss(qf1, next_q_value)
qf2_loss = F.mse_loss(qf2, next_q_value)

mean, log_std = policy(state_batch).chunk(2, 1)
std = log_std.clamp(-20, 2).exp()
u = mean + std * torch.randn_like(mean)
pi = torch.tanh(u)
log_pi = (torch.distributions.Normal(mean, std).log_prob(u) - torch.log(1 - pi.pow(2) + 1e-6)).sum(1, keepdim=True)
qf1_pi, qf2_pi = critic(state_batch, pi)  # the policy loss graph is built through the critic here ...
policy_loss = ((alpha * log_pi) - torch.min(qf1_pi, qf2_pi)).mean()

critic_optim.zero_grad()
qf1_loss.backward()
critic_optim.step()  # ... and the critic weights are then updated in place
critic_optim.zero_grad()
qf2_loss.backward()
critic_optim.step()

policy_optim.zero_grad()
policy_loss.backward()
policy_optim.step()
