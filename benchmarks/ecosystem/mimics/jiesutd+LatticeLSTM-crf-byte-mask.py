# report: https://github.com/jiesutd/LatticeLSTM/blob/24d17f4270f11d2f75046789d8b67eaa2b907dce/model/crf.py#L94
# family: removed-api
# expect: 26,28
# runtime: raises RuntimeError: masked_select: expected BoolTensor for mask
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
B, T, K = 1, 3, 4
START, STOP = 2, 3
hidden2tag = nn.Linear(5, K)
transitions = nn.Parameter(torch.zeros(K, K))
feats = hidden2tag(torch.randn(B, T, 5))
mask = Variable(torch.zeros((B, T))).byte()
mask[0, :T] = torch.Tensor([1] * T)

mask = mask.transpose(1, 0).contiguous()
scores = (feats.transpose(1, 0).contiguous().view(T * B, 1, K).expand(T * B, K, K)
          + transitions.view(1, K, K)).view(T, B, K, K)
partition = scores[0][:, START, :].clone().view(B, K, 1)
for idx in range(1, T):
    cur_values = scores[idx] + partition.view(B, K, 1).expand(B, K, K)
    cur_partition = torch.logsumexp(cur_values, 1)
    mask_idx = mask[idx, :].view(B, 1).expand(B, K)
    masked_cur_partition = cur_partition.masked_select(mask_idx)
    mask_idx = mask_idx.contiguous().view(B, K, 1)
    partition.masked_scatter_(mask_idx, masked_cur_partition)
final = torch.logsumexp(transitions.view(1, K, K) + partition.view(B, K, 1), 1)[:, STOP].sum()
final.backward()
