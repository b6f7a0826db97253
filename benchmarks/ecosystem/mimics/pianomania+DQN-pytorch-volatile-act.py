# report: https://github.com/pianomania/DQN-pytorch/blob/207cbad8161e4b6ce4e4dd9656ac9901f7374a54/train.py#L27
# family: removed-api
# expect: 13
# runtime: asserts volatile=True is ignored: every epsilon-greedy action selection records the autograd graph through the DQN
import warnings

import torch
import torch.autograd as autograd
import torch.nn as nn

warnings.simplefilter("ignore")
torch.manual_seed(0)
var_phi = autograd.Variable(torch.Tensor(1, 4, 6, 6), volatile=True)
dqn = nn.Sequential(nn.Conv2d(4, 8, 3), nn.ReLU(inplace=True), nn.Conv2d(8, 3, 4))


def sample_action(agent, var_phi, phi):
    var_phi.data.copy_(phi)
    q_values = agent(var_phi).squeeze()
    max_q, act_index = q_values.max(dim=0)
    return int(act_index), q_values


act, q = sample_action(dqn, var_phi, torch.randn(1, 4, 6, 6))
assert q.requires_grad and q.grad_fn is not None  # the graph volatile was meant to skip
