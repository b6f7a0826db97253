# report: https://github.com/LiyuanLucasLiu/LM-LSTM-CRF/blob/b03ecf37799dee8f899783e7c475698d29288bc6/model/crf.py#L372
# family: removed-api
# expect: 23
# runtime: raises RuntimeError: masked_fill_ only supports boolean masks
import torch
import torch.nn as nn

torch.manual_seed(0)
T, B, K = 4, 2, 3
start_tag, end_tag = 0, 2
model = nn.Linear(5, K * K)
model.eval()
feats = torch.randn(T, B, 5)
mask = torch.ByteTensor([[1, 1], [1, 1], [1, 0], [1, 0]])
with torch.no_grad():
    scores = model(feats).view(T, B, K, K)
mask = 1 - mask
forscores = scores[0][:, start_tag, :]
back_points = []
for idx in range(1, T):
    cur = scores[idx] + forscores.view(B, K, 1).expand(B, K, K)
    forscores, cur_bp = torch.max(cur, 1)
    cur_bp.masked_fill_(mask[idx].view(B, 1).expand(B, K), end_tag)
    back_points.append(cur_bp)
pointer = back_points[-1][:, end_tag]
print(pointer)
