# report: https://github.com/kuangliu/torchcv/blob/6291f3e1e4bbf6467fd6b1e79001d34a59481bb6/torchcv/models/ssd/box_coder.py#L59
# family: removed-api
# expect: 10
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch


def argmax(x):
    v, i = x.max(0)
    j = v.max(0)[1][0]
    return (i[j], j)


torch.manual_seed(0)
ious = torch.rand(6, 2)  # [#anchors, #obj]
index = torch.LongTensor(6).fill_(-1)
masked_ious = ious.clone()
while True:
    i, j = argmax(masked_ious)
    if masked_ious[i, j] < 1e-6:
        break
    index[i] = j
    masked_ious[i, :] = 0
    masked_ious[:, j] = 0
