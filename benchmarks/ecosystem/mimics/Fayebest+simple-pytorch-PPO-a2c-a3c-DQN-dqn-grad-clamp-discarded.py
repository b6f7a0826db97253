# report: https://github.com/Fayebest/simple-pytorch-PPO-a2c-a3c-DQN/blob/43c7a3b1229ac7d8dc255da898667f24f80ea8da/DQN/Dqn.py#L73
# family: optimizer-misuse
# expect: 22
# runtime: asserts the gradient clipping does nothing: param.grad.clamp(-1, 1) returns a new tensor that is thrown away
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
policy_net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
target_net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
target_net.load_state_dict(policy_net.state_dict())
optimizer = torch.optim.RMSprop(policy_net.parameters(), lr=1e-3)
states, actions = 100.0 * torch.randn(16, 4), torch.randint(0, 2, (16,))
rewards = 50.0 * torch.randn(16)  # large inputs and TD errors, so gradients exceed 1
q = policy_net(states).gather(1, actions.unsqueeze(-1))
next_q = target_net(torch.randn(16, 4)).max(1)[0].detach()
loss = F.smooth_l1_loss(q, (rewards + 0.9 * next_q).unsqueeze(-1))
optimizer.zero_grad()
loss.backward()
for param in policy_net.parameters():
    param.grad.clamp(-1, 1)
# the optimizer steps with the unclipped gradients
assert max(p.grad.abs().max() for p in policy_net.parameters()) > 1
optimizer.step()
