# report: https://github.com/sharma-arjun/GAIL/blob/a87e382fa5e0b185dee8e9f0b95920c091299189/gail.py#L197
# family: optimizer-misuse
# expect: 20,21
# runtime: asserts setting opt.lr on the optimizer object leaves param_groups[0]['lr'] unchanged, so the linear learning-rate annealing never happens
import torch
import torch.nn as nn

torch.manual_seed(0)
policy_net = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 2))
value_net = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1))
opt_policy = torch.optim.Adam(policy_net.parameters(), lr=3e-4)
opt_value = torch.optim.Adam(value_net.parameters(), lr=3e-4)
learning_rate, num_episodes = 3e-4, 10

seen = []
for i_episode in range(1, num_episodes + 1):
    states = torch.randn(16, 3)
    targets = torch.randn(16, 1)
    # anneal the learning rates linearly to zero
    opt_value.lr = learning_rate * max(1.0 - float(i_episode) / num_episodes, 0)
    opt_policy.lr = learning_rate * max(1.0 - float(i_episode) / num_episodes, 0)
    opt_value.zero_grad()
    value_loss = (value_net(states) - targets).pow(2).mean()
    value_loss.backward()
    opt_value.step()
    seen.append(opt_value.param_groups[0]['lr'])

# on the last episode the intended lr is 0, but the optimizer still uses 3e-4
assert opt_value.lr == 0.0
assert all(lr == 3e-4 for lr in seen), seen
assert opt_policy.param_groups[0]['lr'] == 3e-4
print("lr never annealed:", seen[-1])
