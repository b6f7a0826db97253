# report: https://github.com/VictorButoi/WordRL/blob/23cbb65099eb9ce11cbe7d80cb8ba4cf32d071b7/wordrl/a2c/module.py#L240
# family: gan-step
# expect: 28, 34
# runtime: asserts the (B,1) critic values against the (B,) returns broadcast to (B,B): every value is regressed on the mean return and the actor advantage uses the mean value
import torch
import torch.nn as nn

torch.manual_seed(0)
B, obs, n_act = 6, 5, 4
body = nn.Linear(obs, 8)
actor_head = nn.Linear(8, n_act)
critic_head = nn.Linear(8, 1)  # value head ends in Linear(width, 1): (B, 1)

states = torch.randn(B, obs)
actions = torch.randint(0, n_act, (B,))
# returns built by torch.tensor(list of bootstrapped scalars) and collated: (B,)
returns = torch.tensor([1.0, 0.0, 2.0, -1.0, 0.5, 3.0])
eps = 1e-8


def loss_fn(values_fix=False):
    y = body(states)
    logprobs = torch.log_softmax(actor_head(y), -1)
    values = critic_head(y)
    if values_fix:
        values = values.squeeze(-1)
    with torch.no_grad():
        advs = returns - values * returns.std() + returns.mean()
        advs = (advs - advs.mean()) / (advs.std() + eps)
        targets = (returns - returns.mean()) / (returns.std() + eps)
    entropy = (-logprobs.exp() * logprobs).sum(1).mean()
    lp = logprobs[range(len(actions)), actions]
    actor_loss = -(lp * advs).mean()
    critic_loss = torch.square(targets - values).mean()
    return actor_loss + critic_loss - 0.01 * entropy, advs, critic_loss


loss, advs, critic = loss_fn()
assert advs.shape == (B, B)  # one advantage per (state, return) pair
body.zero_grad(); critic_head.zero_grad()
critic.backward()
g_bug = critic_head.bias.grad.clone()
_, advs_ok, critic_ok = loss_fn(values_fix=True)
assert advs_ok.shape == (B,)
body.zero_grad(); critic_head.zero_grad()
critic_ok.backward()
assert not torch.allclose(critic.detach(), critic_ok.detach())
assert critic_head.weight.grad is not None
