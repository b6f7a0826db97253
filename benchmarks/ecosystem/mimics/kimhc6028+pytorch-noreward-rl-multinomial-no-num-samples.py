# report: https://github.com/kimhc6028/pytorch-noreward-rl/blob/b0cfb5b58509f2b1555671e18b9cee0230fc2a55/train.py#L78
# family: removed-api
# expect: 13
# runtime: raises TypeError: num_samples
import torch
import torch.nn.functional as F

torch.manual_seed(0)
lstm = torch.nn.LSTMCell(12, 16)
actor = torch.nn.Linear(16, 3)
hx, cx = lstm(torch.randn(1, 12), (torch.zeros(1, 16), torch.zeros(1, 16)))
prob = F.softmax(actor(hx), dim=1)
action = prob.multinomial().data
