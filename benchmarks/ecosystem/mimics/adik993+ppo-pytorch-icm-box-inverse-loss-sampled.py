# report: https://github.com/adik993/ppo-pytorch/blob/8ddbad24b859944ab1fca65a308ba5de5707c1f1/envs/converters.py#L170
# family: grad-missing
# expect: 25
# runtime: asserts for continuous actions the ICM inverse loss is the MSE of a sample() drawn from the predicted Normal, which carries no gradient: the inverse model never gets a .grad and is never trained
import torch
import torch.nn as nn
from torch.distributions import Normal

torch.manual_seed(0)
n_actions = 1
encoder = nn.Sequential(nn.Linear(3, 32), nn.ReLU(), nn.Linear(32, 32))
forward_model = nn.Sequential(nn.Linear(32 + n_actions, 32), nn.ReLU(), nn.Linear(32, 32))
inverse_model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 2 * n_actions))
params = list(encoder.parameters()) + list(forward_model.parameters()) + list(inverse_model.parameters())
optimizer = torch.optim.Adam(params, lr=4e-4)
mse = nn.MSELoss()


def action_from_logits(logits):
    mid = logits.size(1) // 2
    return Normal(logits[:, :mid], logits[:, mid:].exp()).sample().clamp(-2.0, 2.0)


def distance(policy_logits, y):
    return mse(action_from_logits(policy_logits), y)


states, next_states, actions = torch.randn(16, 3), torch.randn(16, 3), torch.rand(16, n_actions) * 4 - 2
s, s_next = encoder(states), encoder(next_states)
next_hat = forward_model(torch.cat((s, actions), dim=-1))
action_hat = inverse_model(torch.cat((s, s_next), dim=-1))
forward_loss = 0.5 * (next_hat - s_next.detach()).norm(2, dim=-1).pow(2).mean()
inverse_loss = distance(action_hat, actions)
loss = 0.2 * forward_loss + 0.8 * inverse_loss
optimizer.zero_grad()
loss.backward()
optimizer.step()

assert not inverse_loss.requires_grad
assert all(p.grad is None for p in inverse_model.parameters())
