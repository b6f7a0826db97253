# report: https://github.com/hengyuan-hu/bottom-up-attention-vqa/blob/392520640e3d9aed0009ddfe207901757b10b9a6/train.py#L50
# family: removed-api
# expect: 26
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(5, 4)
optim = torch.optim.Adamax(model.parameters())


def instance_bce_with_logits(logits, labels):
    loss = nn.functional.binary_cross_entropy_with_logits(logits, labels)
    loss *= labels.size(1)
    return loss


total_loss = 0
v, a = torch.randn(3, 5), torch.rand(3, 4)
pred = model(v)
loss = instance_bce_with_logits(pred, a)
loss.backward()
optim.step()
optim.zero_grad()
total_loss += loss.data[0] * v.size(0)
