# report: https://github.com/johncava/DQN-pytorch/blob/106546872860c52bf59422327b73bd2004795962/learner.py#L82
# family: removed-api
# expect: 23 24
# runtime: asserts volatile=True on the next-state batch is ignored: the bootstrap target max Q(s',a) keeps its graph, so backward() also differentiates the target term through the same network
import warnings

import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2), nn.Sigmoid())
loss_function = nn.MSELoss()
optimizer = torch.optim.RMSprop(model.parameters())
gamma = 0.7

state_batch = [[0.1, -0.2, 0.3, 0.05]]
action_batch = [1]
reward_batch = [1.0]
next_state_batch = [[0.2, -0.1, 0.25, 0.0]]
q_values = model(Variable(torch.FloatTensor(state_batch))).gather(1, Variable(torch.LongTensor([action_batch])))
next_state_values = model(Variable(torch.FloatTensor(next_state_batch), volatile=True)).max(1)[0]
next_state_values.volatile = False
expected = next_state_values * gamma + Variable(torch.FloatTensor(reward_batch))
loss = loss_function(q_values, expected)
optimizer.zero_grad()
loss.backward()

# the semi-gradient TD update would treat the target as a constant
assert expected.requires_grad and expected.grad_fn is not None
semi = model[0].weight.grad.clone()
optimizer.zero_grad()
q_again = model(torch.FloatTensor(state_batch)).gather(1, torch.LongTensor([action_batch]))
loss_function(q_again, expected.detach()).backward()
assert not torch.allclose(semi, model[0].weight.grad)  # the target term added its own gradient
