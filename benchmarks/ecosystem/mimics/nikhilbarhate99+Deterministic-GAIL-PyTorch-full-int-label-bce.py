# report: https://github.com/nikhilbarhate99/Deterministic-GAIL-PyTorch/blob/36843739dd7b0ca58e9fcaf923cc6735a5d7ffef/GAIL.py#L76
# family: removed-api
# expect: 21,22
# runtime: raises RuntimeError: Found dtype Long but expected Float
import torch
import torch.nn as nn

torch.manual_seed(0)
state_dim, action_dim, batch_size = 6, 2, 16
actor = nn.Sequential(nn.Linear(state_dim, 32), nn.ReLU(), nn.Linear(32, action_dim), nn.Tanh())
discriminator = nn.Sequential(nn.Linear(state_dim + action_dim, 32), nn.Tanh(), nn.Linear(32, 1), nn.Sigmoid())
optim_discriminator = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(0.5, 0.999))
loss_fn = nn.BCELoss()

exp_state, exp_action = torch.randn(batch_size, state_dim), torch.rand(batch_size, action_dim) * 2 - 1
state = torch.randn(batch_size, state_dim)
action = actor(state)

optim_discriminator.zero_grad()
# an integer fill value makes torch.full return int64 labels since torch 1.7
exp_label = torch.full((batch_size, 1), 1)
policy_label = torch.full((batch_size, 1), 0)
prob_exp = discriminator(torch.cat([exp_state, exp_action], 1))
loss = loss_fn(prob_exp, exp_label)
prob_policy = discriminator(torch.cat([state, action.detach()], 1))
loss += loss_fn(prob_policy, policy_label)
loss.backward()
optim_discriminator.step()
