# report: https://github.com/Fayebest/simple-pytorch-PPO-a2c-a3c-DQN/blob/43c7a3b1229ac7d8dc255da898667f24f80ea8da/A2C/A2c.py#L43
# family: grad-missing
# expect: 28 29
# runtime: asserts the actor never gets a gradient: the stored log-probs are detached before the policy-gradient loss
import torch
import torch.nn as nn
from torch.distributions import Categorical

torch.manual_seed(0)
action_layer = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 2), nn.Softmax(dim=-1))
value_layer = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 1))
params = list(action_layer.parameters()) + list(value_layer.parameters())
optimizer = torch.optim.Adam(params, lr=2e-3)
mse = nn.MSELoss()
mem_states, mem_logprobs, mem_entropy, mem_rewards = [], [], [], []
for t in range(8):
    state = torch.randn(4)
    dist = Categorical(action_layer(state))
    action = dist.sample()
    mem_states.append(state)
    mem_logprobs.append(dist.log_prob(action))
    mem_entropy.append(dist.entropy())
    mem_rewards.append(float(torch.randn(())))

rewards = torch.tensor(mem_rewards)
rewards = (rewards - rewards.mean()) / (rewards.std() + 1e-5)
states = torch.stack(mem_states).detach()
logprobs = torch.stack(mem_logprobs).detach()
dist_entropy = torch.stack(mem_entropy).detach()
state_values = value_layer(states).squeeze(-1)
advantages = rewards - state_values.detach()
loss = -logprobs * advantages + 0.5 * mse(state_values, rewards) - 0.01 * dist_entropy
optimizer.zero_grad()
loss.mean().backward()
optimizer.step()
# only the critic learns; the policy-gradient and entropy terms are constants
assert value_layer[0].weight.grad is not None
assert all(p.grad is None for p in action_layer.parameters())
