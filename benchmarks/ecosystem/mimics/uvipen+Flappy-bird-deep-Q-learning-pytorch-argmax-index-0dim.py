# report: https://github.com/uvipen/Flappy-bird-deep-Q-learning-pytorch/blob/c4f2c363d7f887b0e2d028367deef40568f638cc/train.py#L74
# family: removed-api
# expect: 15
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(4 * 8 * 8, 2))
state = torch.rand(1, 4, 8, 8)
prediction = model(state)[0]
epsilon, u = 0.1, 0.5
action = 0
if u > epsilon:
    action = torch.argmax(prediction)[0]
