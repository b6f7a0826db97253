# report: https://github.com/SherlockLiao/pytorch-beginner/blob/3c48d7eae315d4b01ef36eab711efcd528a87744/10-Deep%20Q%20learning/reinforcement%20learning.py#L182
# family: removed-api
# expect: 23
# runtime: asserts the TD target is not cut: volatile=True does nothing, so the loss also backpropagates through the next-state Q values
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
B, GAMMA = 4, 0.999
model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 2))
states = [torch.randn(1, 3) for _ in range(B)]
next_states = [torch.randn(1, 3), None, torch.randn(1, 3), torch.randn(1, 3)]
actions = [torch.LongTensor([[i % 2]]) for i in range(B)]
rewards = [torch.FloatTensor([1.0]) for _ in range(B)]

non_final_mask = torch.tensor([s is not None for s in next_states])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    # meant to make the next-state values a constant target
    non_final_next_states = Variable(torch.cat([s for s in next_states if s is not None]), volatile=True)
state_batch = Variable(torch.cat(states))
action_batch = Variable(torch.cat(actions))
reward_batch = Variable(torch.cat(rewards))
state_action_values = model(state_batch).gather(1, action_batch)
next_state_values = Variable(torch.zeros(B))
next_state_values[non_final_mask] = model(non_final_next_states).max(1)[0]
expected_state_action_values = (next_state_values * GAMMA) + reward_batch
assert any("volatile" in str(w.message) for w in caught)
assert expected_state_action_values.requires_grad  # the target carries a graph into the model

params = list(model.parameters())
semi = torch.autograd.grad(F.smooth_l1_loss(state_action_values.squeeze(1), expected_state_action_values.detach()), params, retain_graph=True)
full = torch.autograd.grad(F.smooth_l1_loss(state_action_values.squeeze(1), expected_state_action_values), params)
assert any(not torch.allclose(a, b) for a, b in zip(semi, full))  # the gradient also moves the target
