# report: https://github.com/Shivanshu-Gupta/Pytorch-Double-DQN/blob/1cff44d95d7881c6afc029b734508b1a705dfe14/agent.py#L96
# family: removed-api
# expect: 25
# runtime: raises RuntimeError: shape mismatch: value tensor of shape [3, 1] cannot be broadcast to indexing result of shape [3]
import copy
import warnings

import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
qnet = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 3))
target_qnet = copy.deepcopy(qnet)
batch_size = 4
done = torch.tensor([0, 1, 0, 0], dtype=torch.uint8)
next_state = torch.randn(batch_size, 6)

non_final = torch.LongTensor([i for i, d in enumerate(done) if not d])
non_final_mask = 1 - done
non_final_next_states = Variable(next_state.index_select(0, non_final), volatile=True)
V_next_state = Variable(torch.zeros(batch_size))
_, next_state_actions = qnet(non_final_next_states).max(1, keepdim=True)
V_next_state[non_final_mask] = target_qnet(non_final_next_states).gather(1, next_state_actions)
