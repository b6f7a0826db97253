# report: https://github.com/LiyuanLucasLiu/LM-LSTM-CRF/blob/b03ecf37799dee8f899783e7c475698d29288bc6/model/crf.py#L287
# family: removed-api
# expect: 27,34
# runtime: raises RuntimeError: masked_select: expected BoolTensor for mask
import torch
import torch.nn as nn

torch.manual_seed(0)
T, B, K = 4, 2, 3
start_tag, end_tag = 0, 2
lstm_out = torch.randn(T, B, 5)
crf = nn.Linear(5, K * K)
optimizer = torch.optim.SGD(crf.parameters(), lr=0.1)

# padding mask built as uint8, the way the bucket builder stores it
mask = torch.ByteTensor([[1, 1], [1, 1], [1, 0], [1, 0]])
target = torch.randint(0, K * K, (T, B, 1))


def log_sum_exp(vec):
    m, _ = vec.max(1, keepdim=True)
    return (m + (vec - m).exp().sum(1, keepdim=True).log()).squeeze(1)


scores = crf(lstm_out).view(T, B, K, K)
tg_energy = torch.gather(scores.view(T, B, -1), 2, target).view(T, B)
tg_energy = tg_energy.masked_select(mask).sum()
partition = scores[0][:, start_tag, :].clone()
for idx in range(1, T):
    cur = scores[idx] + partition.view(B, K, 1).expand(B, K, K)
    cur_partition = log_sum_exp(cur)
    mask_idx = mask[idx].view(B, 1).expand(B, K)
    partition = partition.clone()
    partition.masked_scatter_(mask_idx, cur_partition.masked_select(mask_idx))
loss = (partition[:, end_tag].sum() - tg_energy) / B
optimizer.zero_grad()
loss.backward()
optimizer.step()
