# report: https://github.com/colinskow/move37/blob/f57afca9d15ce0233b27b2b0d6508b99b46d4c7f/ppo/ppo_train.py#L122
# family: graph-kept
# expect: 34 35 36 37
# runtime: asserts the running sums keep every minibatch's graph: after all updates the summed loss still backpropagates into the model
import torch
import torch.nn as nn
from torch.distributions import Normal

torch.manual_seed(0)
critic = nn.Linear(3, 1)
actor = nn.Linear(3, 2)
log_std = nn.Parameter(torch.zeros(1, 2))
params = list(critic.parameters()) + list(actor.parameters()) + [log_std]
optimizer = torch.optim.Adam(params, lr=1e-3)
states = torch.randn(16, 3)
actions = torch.randn(16, 2)
old_log_probs = torch.randn(16, 2)
returns = torch.randn(16, 1)
advantages = torch.randn(16, 1)
sum_loss_actor = sum_loss_critic = sum_entropy = sum_loss_total = 0.0
for epoch in range(3):
    for i in range(0, 16, 4):
        s, a, olp, ret, adv = states[i:i+4], actions[i:i+4], old_log_probs[i:i+4], returns[i:i+4], advantages[i:i+4]
        mu, value = actor(s), critic(s)
        dist = Normal(mu, log_std.exp().expand_as(mu))
        entropy = dist.entropy().mean()
        ratio = (dist.log_prob(a) - olp).exp()
        actor_loss = -torch.min(ratio * adv, torch.clamp(ratio, 0.8, 1.2) * adv).mean()
        critic_loss = (ret - value).pow(2).mean()
        loss = 0.5 * critic_loss + actor_loss - 0.001 * entropy
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        sum_loss_actor += actor_loss
        sum_loss_critic += critic_loss
        sum_loss_total += loss
        sum_entropy += entropy
# the sums are not numbers but one graph over all 12 minibatches' forward passes
def reachable(fn):
    seen, stack = set(), [fn]
    while stack:
        f = stack.pop()
        if f is None or f in seen:
            continue
        seen.add(f)
        stack.extend(n for n, _ in f.next_functions)
    return seen
assert sum_loss_total.requires_grad and sum_entropy.requires_grad and sum_loss_critic.requires_grad
nodes = reachable(sum_loss_actor.grad_fn)
# one ExpBackward per minibatch ratio is still referenced from the sum
assert sum(type(f).__name__ == "ExpBackward0" for f in nodes) >= 12
