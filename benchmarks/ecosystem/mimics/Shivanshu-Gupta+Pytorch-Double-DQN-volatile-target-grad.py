# report: https://github.com/Shivanshu-Gupta/Pytorch-Double-DQN/blob/1cff44d95d7881c6afc029b734508b1a705dfe14/agent.py#L87
# family: removed-api
# expect: 25
# runtime: asserts volatile=True on the next states is ignored: V(s') from the target network stays in the graph and backward() sends gradients into target_Qnet
import copy
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
qnet = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 3))
target_qnet = copy.deepcopy(qnet)
optimizer = torch.optim.RMSprop(qnet.parameters(), lr=2.5e-4)
batch_size = 4
state = torch.randn(batch_size, 6)
action = torch.LongTensor([[0], [2], [1], [1]])
reward = torch.randn(batch_size)
done = torch.tensor([0, 1, 0, 0], dtype=torch.uint8)
non_final = torch.LongTensor([i for i, d in enumerate(done) if not d])
non_final_mask = (1 - done).bool()
non_final_next_states = Variable(torch.randn(batch_size, 6).index_select(0, non_final), volatile=True)

Q_state_action = qnet(Variable(state)).gather(1, Variable(action)).squeeze(1)  # shape fixed to isolate the flag
V_next_state = Variable(torch.zeros(batch_size))
V_next_state[non_final_mask] = target_qnet(non_final_next_states).max(1)[0]
V_next_state.volatile = False
target_Q = Variable(reward) + 0.99 * V_next_state
loss = F.smooth_l1_loss(Q_state_action, target_Q)
optimizer.zero_grad()
loss.backward()
optimizer.step()

assert target_Q.requires_grad
assert target_qnet[0].weight.grad is not None and target_qnet[0].weight.grad.abs().sum() > 0
