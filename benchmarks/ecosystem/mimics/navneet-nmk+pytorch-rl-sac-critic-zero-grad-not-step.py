# report: https://github.com/navneet-nmk/pytorch-rl/blob/8329234822dcb977931c72db691eabf5b635788c/models/SAC.py#L260
# family: optimizer-misuse
# expect: 21
# runtime: asserts the critic never changes: zero_grad() is called where critic_optim.step() belongs
import torch
import torch.nn as nn

torch.manual_seed(0)
critic = nn.Linear(6, 1)
target_value = nn.Linear(4, 1)
critic_optim = torch.optim.Adam(critic.parameters(), lr=1e-2)
before = critic.weight.detach().clone()
for step in range(5):
    states, actions = torch.randn(8, 4), torch.rand(8, 2)
    with torch.no_grad():
        y = torch.randn(8, 1) + 0.98 * target_value(torch.randn(8, 4))
    outputs = critic(torch.cat([states, actions], 1))
    q_loss = nn.MSELoss()(outputs, y)
    critic_optim.zero_grad()
    q_loss.backward()
    critic_optim.zero_grad()
assert torch.equal(critic.weight, before)
