# report: https://github.com/philtabor/Multi-Agent-Deep-Deterministic-Policy-Gradients/blob/a3c294aa6834f348a7401306dff3e67919c861f5/maddpg.py#L83
# family: inplace-saved-tensor
# expect: 21
# runtime: raises RuntimeError: modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)
n_agents, obs_dim, n_actions, B = 2, 3, 2, 8
actors = [nn.Sequential(nn.Linear(obs_dim, 16), nn.ReLU(), nn.Linear(16, n_actions), nn.Softmax(dim=1)) for _ in range(n_agents)]
critics = [nn.Sequential(nn.Linear(n_agents * (obs_dim + n_actions), 16), nn.ReLU(), nn.Linear(16, 1)) for _ in range(n_agents)]
actor_opts = [torch.optim.Adam(a.parameters(), lr=0.01) for a in actors]

obs = [torch.randn(B, obs_dim) for _ in range(n_agents)]
states = torch.cat(obs, 1)

# every agent's current-policy actions, built once before the per-agent loop
mu = torch.cat([actors[i](obs[i]) for i in range(n_agents)], dim=1)
for i in range(n_agents):
    # (the critic update of agent i, with a detached target, would go here)
    actor_loss = critics[i](torch.cat([states, mu], 1)).flatten()
    actor_loss = -torch.mean(actor_loss)
    actor_opts[i].zero_grad()
    # agent 1: backward also runs through actors[0]'s graph, whose weights
    # actor_opts[0].step() already changed in place
    actor_loss.backward(retain_graph=True)
    actor_opts[i].step()
