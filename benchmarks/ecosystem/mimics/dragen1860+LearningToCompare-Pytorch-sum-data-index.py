# report: https://github.com/dragen1860/LearningToCompare-Pytorch/blob/be5fbbe1942134a743d26d2fa97d1fd8eb53bcd2/train.py#L75
# family: removed-api
# expect: 33
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
n_way, k_shot, querysz, batchsz = 3, 2, 2, 2
setsz = n_way * k_shot
relation = nn.Sequential(nn.Linear(8, 4), nn.ReLU(), nn.Linear(4, 1), nn.Sigmoid())
optimizer = torch.optim.Adam(relation.parameters(), lr=1e-3)

support_y = torch.arange(n_way).repeat_interleave(k_shot).expand(batchsz, setsz)
query_y = torch.randint(0, n_way, (batchsz, querysz))
pairs = torch.randn(batchsz, querysz, setsz, 8)
score = relation(pairs).squeeze(3)
label = torch.eq(support_y.unsqueeze(1), query_y.unsqueeze(2)).float()
loss = torch.pow(label - score, 2).sum() / batchsz
loss = loss.mean()
optimizer.zero_grad()
loss.backward()
optimizer.step()

# validation: per-way summed relation scores, arg-max way as the prediction
relation.eval()
with torch.no_grad():
    sc = relation(pairs).squeeze(3).view(batchsz, querysz, n_way, k_shot).sum(3)
pred = sc.argmax(2)
correct = torch.eq(pred, query_y).sum()
correct = correct.sum()
total_correct = 0
total_correct += correct.data[0]
