# report: https://github.com/udacity/deep-reinforcement-learning/blob/561eec3ae8678a23a4557f1a15414a9b076fdfff/ddpg-pendulum/ddpg_agent.py#L95
# family: gan-step
# expect: 26
# runtime: asserts the critic loss backpropagates into the target actor and target critic (Q_targets built from them with no detach/no_grad), whose .grad grows every update
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
S, A = 3, 1
actor_local, actor_target = nn.Linear(S, A), nn.Linear(S, A)
critic_local, critic_target = nn.Linear(S + A, 1), nn.Linear(S + A, 1)
critic_opt = torch.optim.Adam(critic_local.parameters(), lr=1e-3)
actor_opt = torch.optim.Adam(actor_local.parameters(), lr=1e-4)


def q(net, s, a):
    return net(torch.cat((s, a), dim=1))


norms = []
for _ in range(2):
    s, a, r, s2 = torch.randn(8, S), torch.randn(8, A), torch.randn(8, 1), torch.randn(8, S)
    done = torch.zeros(8, 1)
    a2 = torch.tanh(actor_target(s2))
    q_next = q(critic_target, s2, a2)
    q_tgt = r + 0.99 * q_next * (1 - done)
    critic_loss = F.mse_loss(q(critic_local, s, a), q_tgt)
    critic_opt.zero_grad()
    critic_loss.backward()
    critic_opt.step()
    actor_loss = -q(critic_local, s, torch.tanh(actor_local(s))).mean()
    actor_opt.zero_grad()
    actor_loss.backward()
    actor_opt.step()
    norms.append(actor_target.weight.grad.norm().item())

assert critic_target.weight.grad is not None and actor_target.weight.grad is not None
assert norms[0] > 0 and norms[1] != norms[0]  # the target nets' .grad keep accumulating
