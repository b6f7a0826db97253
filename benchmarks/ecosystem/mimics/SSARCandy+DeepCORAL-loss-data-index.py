# report: https://github.com/SSARCandy/DeepCORAL/blob/200f7c8626236b6d04cab048670b85f14deaa17f/main.py#L58
# family: removed-api
# expect: 30
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F


def coral(source, target):
    d = source.shape[1]
    xm = torch.mean(source, 0, keepdim=True) - source
    xmt = torch.mean(target, 0, keepdim=True) - target
    diff = xm.t() @ xm - xmt.t() @ xmt
    return torch.mean(diff * diff) / (4 * d * d)


torch.manual_seed(0)
model = nn.Linear(8, 4)
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=0.9)
source_data, source_label = torch.randn(6, 8), torch.tensor([0, 1, 2, 3, 0, 1])
target_data = torch.randn(5, 8)
optimizer.zero_grad()
out1, out2 = model(source_data), model(target_data)
classification_loss = F.cross_entropy(out1, source_label)
coral_loss = coral(out1, out2)
sum_loss = 0.5 * coral_loss + classification_loss
sum_loss.backward()
optimizer.step()
result = {"coral_loss": coral_loss.data[0], "classification_loss": classification_loss.data[0]}
