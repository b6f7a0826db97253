# report: https://github.com/transedward/pytorch-dqn/blob/1ffda6f3724b3bb37c3195b09b651b1682d4d4fd/dqn_learn.py#L119
# family: removed-api
# expect: 19
# runtime: asserts volatile=True is ignored: action selection records an autograd graph through Q
import warnings
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
Q = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
graphs = []


def select_greedy_action(model, obs):
    obs = torch.from_numpy(obs).float().unsqueeze(0) / 255.0
    # meant to run the model without history
    out = model(Variable(obs, volatile=True))
    graphs.append(out.grad_fn is not None)
    return out.data.max(1)[1].cpu()


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for _ in range(3):
        select_greedy_action(Q, np.random.randint(0, 255, 4).astype(np.uint8))
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
