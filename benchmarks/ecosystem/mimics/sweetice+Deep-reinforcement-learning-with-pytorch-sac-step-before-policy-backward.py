# report: https://github.com/sweetice/Deep-reinforcement-learning-with-pytorch/blob/7b9fac7e5e40ffdc6f7ccb8b0a81e7841370a996/Char09%20SAC/SAC_dual_Q_net.py#L243
# family: optimizer-misuse
# expect: 34 40
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


def mlp(n_in, n_out):
    return nn.Sequential(nn.Linear(n_in, 16), nn.ReLU(), nn.Linear(16, n_out))


policy = mlp(3, 1)
q1, q2 = mlp(4, 1), mlp(4, 1)
policy_opt = torch.optim.Adam(policy.parameters(), lr=3e-4)
q1_opt = torch.optim.Adam(q1.parameters(), lr=3e-4)
q2_opt = torch.optim.Adam(q2.parameters(), lr=3e-4)

states = torch.randn(8, 3)
actions = torch.randn(8, 1)
q_target = torch.randn(8, 1)

new_actions = torch.tanh(policy(states))
new_q = torch.min(q1(torch.cat([states, new_actions], 1)), q2(torch.cat([states, new_actions], 1)))
q1_loss = F.mse_loss(q1(torch.cat([states, actions], 1)), q_target)
q2_loss = F.mse_loss(q2(torch.cat([states, actions], 1)), q_target)
pi_loss = (0.1 * new_actions.pow(2) - new_q).mean()

q1_opt.zero_grad()
q1_loss.backward(retain_graph=True)
q1_opt.step()
q2_opt.zero_grad()
q2_loss.backward(retain_graph=True)
q2_opt.step()

policy_opt.zero_grad()
pi_loss.backward(retain_graph=True)
policy_opt.step()
