# report: https://github.com/spro/practical-pytorch/blob/c520c52e68e945d88fff563dba1c028b6ec0197b/reinforce-gridworld/reinforce-gridworld.py#L204
# family: removed-api
# expect: 13
# runtime: raises TypeError: missing 1 required positional arguments: "num_samples"
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
policy = nn.Linear(6, 4)
state = torch.randn(1, 6)
scores = F.softmax(F.dropout(policy(state), 0.1, True), dim=1)
action = scores.multinomial()
