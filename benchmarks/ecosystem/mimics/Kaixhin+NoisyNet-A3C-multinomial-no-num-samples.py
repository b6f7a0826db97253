# report: https://github.com/Kaixhin/NoisyNet-A3C/blob/a740cab149e757e3f5b2552d6f374c9eb742f497/train.py#L65
# family: removed-api
# expect: 16
# runtime: raises TypeError: num_samples
import torch
import torch.nn as nn

torch.manual_seed(0)
fc = nn.Linear(4, 16)
cell = nn.LSTMCell(16, 16)
head = nn.Linear(16, 2)
hx, cx = torch.zeros(1, 16), torch.zeros(1, 16)
hx, cx = cell(torch.relu(fc(torch.randn(1, 4))), (hx, cx))
policy = torch.softmax(head(hx), dim=1)
log_policy = policy.log()
action = policy.multinomial()
log_prob = log_policy.gather(1, action.detach())
