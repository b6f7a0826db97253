# report: https://github.com/philtabor/Multi-Agent-Deep-Deterministic-Policy-Gradients/blob/a3c294aa6834f348a7401306dff3e67919c861f5/maddpg.py#L77
# family: inplace-saved-tensor
# expect: 35
# runtime: raises RuntimeError: modified by an inplace operation
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
n_agents, obs_dim, n_actions, B = 2, 3, 2, 8
actors = [nn.Sequential(nn.Linear(obs_dim, 16), nn.ReLU(), nn.Linear(16, n_actions), nn.Softmax(dim=1)) for _ in range(n_agents)]
target_actors = [nn.Sequential(nn.Linear(obs_dim, 16), nn.ReLU(), nn.Linear(16, n_actions), nn.Softmax(dim=1)) for _ in range(n_agents)]
critics = [nn.Sequential(nn.Linear(n_agents * (obs_dim + n_actions), 16), nn.ReLU(), nn.Linear(16, 1)) for _ in range(n_agents)]
target_critics = [nn.Sequential(nn.Linear(n_agents * (obs_dim + n_actions), 16), nn.ReLU(), nn.Linear(16, 1)) for _ in range(n_agents)]
critic_opts = [torch.optim.Adam(c.parameters(), lr=0.01) for c in critics]
tau, gamma = 0.01, 0.95

obs = [torch.randn(B, obs_dim) for _ in range(n_agents)]
obs_ = [torch.randn(B, obs_dim) for _ in range(n_agents)]
states, states_ = torch.cat(obs, 1), torch.cat(obs_, 1)
old_actions = torch.rand(B, n_agents * n_actions)
rewards = torch.randn(B, n_agents)


def soft_update(target, source):
    sd = dict(source.named_parameters())
    td = dict(target.named_parameters())
    target.load_state_dict({k: tau * sd[k].clone() + (1 - tau) * td[k].clone() for k in sd})


new_actions = torch.cat([target_actors[i](obs_[i]) for i in range(n_agents)], dim=1)
for i in range(n_agents):
    critic_value_ = target_critics[i](torch.cat([states_, new_actions], 1)).flatten()
    critic_value = critics[i](torch.cat([states, old_actions], 1)).flatten()
    target = rewards[:, i] + gamma * critic_value_
    critic_loss = F.mse_loss(target, critic_value)
    critic_opts[i].zero_grad()
    critic_loss.backward(retain_graph=True)  # agent 1: reaches target_actors[0], soft-updated in place
    critic_opts[i].step()
    soft_update(target_actors[i], actors[i])
    soft_update(target_critics[i], critics[i])
