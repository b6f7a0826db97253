# report: https://github.com/L1aoXingyu/code-of-learn-deep-learning-with-pytorch/blob/ea24810dc26265e85e3eec34e1d091d21202d800/chapter7_RL/dqn.py#L59
# family: removed-api
# expect: 27
# runtime: asserts choose_action returns a 0-dim Tensor, not an int: an int-only Discrete action check (gym's CartPole step asserts it) rejects it
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
eval_net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(True), nn.Linear(8, 2))


def discrete_contains(x, n=2):
    # the check gym.spaces.Discrete.contains makes before CartPole.step accepts an action
    if isinstance(x, int):
        return 0 <= x < n
    if isinstance(x, (np.generic, np.ndarray)) and x.dtype.kind in 'iu' and x.shape == ():
        return 0 <= int(x) < n
    return False


def choose_action(s):
    s = Variable(torch.unsqueeze(torch.FloatTensor(s), 0))
    actions_value = eval_net(s)
    # .data[0] of the (1,) argmax is a 0-dim tensor since 0.4 (an int before)
    action = torch.max(actions_value, 1)[1].data[0]
    return action


a = choose_action(np.zeros(4, dtype=np.float32))
assert isinstance(a, torch.Tensor) and a.dim() == 0
assert not discrete_contains(a)  # env.step(a) fails its action assertion
