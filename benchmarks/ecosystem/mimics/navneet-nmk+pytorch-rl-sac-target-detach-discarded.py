# report: https://github.com/navneet-nmk/pytorch-rl/blob/8329234822dcb977931c72db691eabf5b635788c/models/SAC.py#L195
# family: gan-step
# expect: 18
# runtime: asserts the soft-Q loss sends gradient into the target value network: y.detach() is discarded
import torch
import torch.nn as nn

torch.manual_seed(0)
critic = nn.Linear(6, 1)
target_value = nn.Linear(4, 1)
critic_optim = torch.optim.Adam(critic.parameters(), lr=1e-3)
states, actions = torch.randn(8, 4), torch.rand(8, 2)
next_states, rewards, dones = torch.randn(8, 4), torch.randn(8, 1), torch.zeros(8, 1)

value_next_states = target_value(next_states)
value_next_states = value_next_states * (1 - dones)
y = rewards + 0.98 * value_next_states
y.detach()
outputs = critic(torch.cat([states, actions], 1))
q_loss = nn.MSELoss()(outputs, y)
critic_optim.zero_grad()
q_loss.backward()
critic_optim.step()
assert y.requires_grad
assert target_value.weight.grad is not None and target_value.weight.grad.abs().sum() > 0
