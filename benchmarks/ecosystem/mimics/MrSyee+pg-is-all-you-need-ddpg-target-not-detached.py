# report: https://github.com/MrSyee/pg-is-all-you-need/blob/a13bc8e1ea02b2d5af42576fa9bd3a6e7d8231a6/03.DDPG.ipynb
# family: gan-step
# expect: 29
# runtime: asserts the critic step backpropagates into the target actor and target critic, whose .grad grows every update
import copy
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
obs_dim, act_dim, B, gamma = 3, 1, 8, 0.99
actor = nn.Sequential(nn.Linear(obs_dim, 16), nn.ReLU(), nn.Linear(16, act_dim), nn.Tanh())
critic_body = nn.Sequential(nn.Linear(obs_dim + act_dim, 16), nn.ReLU(), nn.Linear(16, 1))
critic = lambda s, a: critic_body(torch.cat((s, a), dim=-1))
actor_target = copy.deepcopy(actor)
critic_target_body = copy.deepcopy(critic_body)
critic_target = lambda s, a: critic_target_body(torch.cat((s, a), dim=-1))
actor_optimizer = torch.optim.Adam(actor.parameters(), lr=3e-4)
critic_optimizer = torch.optim.Adam(critic_body.parameters(), lr=1e-3)
tau = 5e-3

norms = []
for update in range(3):
    state, next_state = torch.randn(B, obs_dim), torch.randn(B, obs_dim)
    action, reward, done = torch.rand(B, act_dim) * 2 - 1, torch.randn(B, 1), torch.zeros(B, 1)
    masks = 1 - done
    next_action = actor_target(next_state)
    next_value = critic_target(next_state, next_action)
    curr_return = reward + gamma * next_value * masks  # no detach on the TD target
    values = critic(state, action)
    critic_loss = F.mse_loss(values, curr_return)
    critic_optimizer.zero_grad()
    critic_loss.backward()
    critic_optimizer.step()

    actor_loss = -critic(state, actor(state)).mean()
    actor_optimizer.zero_grad()
    actor_loss.backward()
    actor_optimizer.step()

    for t_param, l_param in zip(actor_target.parameters(), actor.parameters()):
        t_param.data.copy_(tau * l_param.data + (1.0 - tau) * t_param.data)
    for t_param, l_param in zip(critic_target_body.parameters(), critic_body.parameters()):
        t_param.data.copy_(tau * l_param.data + (1.0 - tau) * t_param.data)
    norms.append((actor_target[0].weight.grad is not None, critic_target_body[0].weight.grad))

assert all(has for has, _ in norms)
assert norms[-1][1] is not None and norms[-1][1].abs().sum() > 0
