# report: https://github.com/taoxugit/AttnGAN/blob/0d000e652b407e976cb88fab299e8566f3de8a37/code/miscc/losses.py#L52
# family: removed-api
# expect: 23
# runtime: raises RuntimeError: masked_fill_ only supports boolean masks
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
batch_size = 4
cnn_code = torch.randn(batch_size, 5, requires_grad=True)
rnn_code = torch.randn(batch_size, 5, requires_grad=True)
class_ids = np.array([1, 2, 1, 3])
labels = torch.arange(batch_size)

masks = []
for i in range(batch_size):
    mask = (class_ids == class_ids[i]).astype(np.uint8)
    mask[i] = 0
    masks.append(mask.reshape((1, -1)))
masks = torch.ByteTensor(np.concatenate(masks, 0))
scores0 = (cnn_code @ rnn_code.t()) / (cnn_code.norm(dim=1, keepdim=True) @ rnn_code.norm(dim=1, keepdim=True).t()) * 10.0
scores0.data.masked_fill_(masks, -float("inf"))
scores1 = scores0.transpose(0, 1)
loss = nn.CrossEntropyLoss()(scores0, labels) + nn.CrossEntropyLoss()(scores1, labels)
loss.backward()
