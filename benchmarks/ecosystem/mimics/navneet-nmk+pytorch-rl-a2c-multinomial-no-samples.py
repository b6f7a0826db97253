# report: https://github.com/navneet-nmk/pytorch-rl/blob/8329234822dcb977931c72db691eabf5b635788c/models/A2C.py#L168
# family: removed-api
# expect: 12
# runtime: raises TypeError: num_samples
import torch
import torch.nn as nn

torch.manual_seed(0)
actor = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2), nn.Softmax(dim=1))
state = torch.randn(4).unsqueeze(0)
action_probs = actor(state)
action = action_probs.multinomial().data[0][0]
