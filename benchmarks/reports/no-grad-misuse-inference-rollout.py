# report: https://github.com/unslothai/unsloth/issues/2434
# family: no-grad-misuse
# expect: 15
# runtime: raises RuntimeError: Inference tensors cannot be saved for backward
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
policy = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 3))
optimizer = torch.optim.Adam(policy.parameters(), lr=1e-3)


def rollout(states):
    with torch.inference_mode():
        logits = policy(states)
        actions = torch.distributions.Categorical(logits=logits).sample()
        old_logp = F.log_softmax(logits, -1).gather(1, actions[:, None]).squeeze(1)
        rewards = (actions == 1).float()
        advantages = (rewards - rewards.mean()) / (rewards.std() + 1e-6)
    return actions, old_logp, advantages


states = torch.randn(8, 4)
actions, old_logp, advantages = rollout(states)
for epoch in range(2):
    new_logp = F.log_softmax(policy(states), -1).gather(1, actions[:, None]).squeeze(1)
    ratio = torch.exp(new_logp - old_logp)
    clipped = torch.clamp(ratio, 0.8, 1.2)
    loss = -torch.min(ratio * advantages, clipped * advantages).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
