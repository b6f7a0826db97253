# report: https://github.com/TianhongDai/reinforcement-learning-algorithms/blob/aad8862540578682cb3d6780c5e2b2909016ec39/rl_algorithms/sac/sac_agent.py#L161
# family: gan-step
# expect: 29 35 40
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)
S, A = 3, 2
actor_net = nn.Linear(S, 2 * A)
qf1, qf2 = nn.Linear(S + A, 1), nn.Linear(S + A, 1)
qf1_optim = torch.optim.Adam(qf1.parameters(), lr=3e-4)
qf2_optim = torch.optim.Adam(qf2.parameters(), lr=3e-4)
actor_optim = torch.optim.Adam(actor_net.parameters(), lr=3e-4)
log_alpha = torch.zeros(1, requires_grad=True)

obses, actions = torch.randn(8, S), torch.randn(8, A)
target_q_value = torch.randn(8, 1)


def q(net, o, a):
    return net(torch.cat([o, a], dim=1))


mean, log_std = actor_net(obses).chunk(2, dim=1)
actions_ = torch.tanh(mean + log_std.exp() * torch.randn_like(mean))
log_prob = (-0.5 * ((actions_ - mean) / log_std.exp()) ** 2 - log_std).sum(1, keepdim=True)
alpha = log_alpha.exp()
q_actions_ = torch.min(q(qf1, obses, actions_), q(qf2, obses, actions_))  # actor's Q before the critic steps
actor_loss = (alpha * log_prob - q_actions_).mean()
qf1_loss = (q(qf1, obses, actions) - target_q_value).pow(2).mean()
qf2_loss = (q(qf2, obses, actions) - target_q_value).pow(2).mean()
qf1_optim.zero_grad()
qf1_loss.backward()
qf1_optim.step()
qf2_optim.zero_grad()
qf2_loss.backward()
qf2_optim.step()
actor_optim.zero_grad()
actor_loss.backward()
actor_optim.step()
