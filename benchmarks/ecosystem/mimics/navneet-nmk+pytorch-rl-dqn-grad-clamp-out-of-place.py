# report: https://github.com/navneet-nmk/pytorch-rl/blob/8329234822dcb977931c72db691eabf5b635788c/train_dqn.py#L118
# family: optimizer-misuse
# expect: 20
# runtime: asserts the gradients stay unclipped: p.grad.data.clamp(-1, 1) returns a new tensor that is discarded
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
dqn_model = nn.Linear(5, 3)
optimizer = torch.optim.SGD(dqn_model.parameters(), lr=0.1)
states = torch.randn(16, 5) * 50
actions = torch.randint(0, 3, (16, 1))
y = torch.randn(16, 1) * 100
optimizer.zero_grad()
outputs = dqn_model(states).gather(1, actions)
loss = F.mse_loss(outputs, y)
loss.backward()
for p in dqn_model.parameters():
    p.grad.data.clamp(-1, 1)
assert max(p.grad.abs().max().item() for p in dqn_model.parameters()) > 1
optimizer.step()
