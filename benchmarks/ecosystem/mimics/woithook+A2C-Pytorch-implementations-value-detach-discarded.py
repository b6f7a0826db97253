# report: https://github.com/woithook/A2C-Pytorch-implementations/blob/61ff2bab4379f57cfa03ee44e4d8c56084f4cc23/alg/LSTM_learning_v1.py#L159
# family: gan-step
# expect: 23
# runtime: asserts vs.detach() is a discarded result: the actor loss backpropagates through the value network, whose parameters get gradients
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
actor = nn.LSTM(3, 8, batch_first=True)
actor_fc = nn.Linear(8, 2)
value = nn.LSTM(3, 8, batch_first=True)
value_fc = nn.Linear(8, 1)
actor_optim = torch.optim.Adam(list(actor.parameters()) + list(actor_fc.parameters()), lr=1e-3)
states_var = torch.randn(1, 6, 3)
actions_var = F.one_hot(torch.randint(0, 2, (6,)), 2).float().unsqueeze(0)
qs = torch.linspace(5.0, 0.0, 6).view(1, -1, 1)
h0 = (torch.zeros(1, 1, 8), torch.zeros(1, 1, 8))

actor_optim.zero_grad()
log_softmax_actions = F.log_softmax(actor_fc(actor(states_var, h0)[0]), 2)
vs = value_fc(value(states_var, h0)[0])
vs.detach()
advantages = qs - vs
actor_network_loss = -torch.mean(torch.sum(log_softmax_actions * actions_var, 1) * advantages)
actor_network_loss.backward()
actor_optim.step()

assert value_fc.weight.grad is not None  # the actor step reached the value network
