# report: https://github.com/nosyndicate/pytorchrl/blob/c4fb69ffebaa7f56b4210388f9eea7d42ca853e4/tutorial_code/actor_critic.py#L57
# family: removed-api
# expect: 24
# runtime: raises TypeError: missing 1 required positional arguments: "num_samples"
from collections import namedtuple

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
SavedAction = namedtuple("SavedAction", ["action", "value"])
affine1 = nn.Linear(4, 16)
action_head = nn.Linear(16, 2)
value_head = nn.Linear(16, 1)
saved_actions = []


def select_action(state):
    state = torch.from_numpy(state).float().unsqueeze(0)
    x = F.relu(affine1(Variable(state)))
    probs, state_value = F.softmax(action_head(x), dim=1), value_head(x)
    action = probs.multinomial()
    saved_actions.append(SavedAction(action, state_value))
    return action.data


print(select_action(torch.randn(4).numpy()))
