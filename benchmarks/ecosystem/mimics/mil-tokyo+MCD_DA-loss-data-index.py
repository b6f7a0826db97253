# report: https://github.com/mil-tokyo/MCD_DA/blob/af10217c5c5451dcd8bc3e975a7d067c285cc029/classification/solver.py#L152
# family: removed-api
# expect: 29
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
gen = nn.Linear(6, 5)
c1, c2 = nn.Linear(5, 3), nn.Linear(5, 3)
opt_g = torch.optim.Adam(gen.parameters(), lr=1e-3)
opt_c = torch.optim.Adam(list(c1.parameters()) + list(c2.parameters()), lr=1e-3)
criterion = nn.CrossEntropyLoss()
img_s, label_s = torch.randn(4, 6), torch.tensor([0, 1, 2, 1])
img_t = torch.randn(4, 6)

for batch_idx in range(1):
    opt_g.zero_grad()
    opt_c.zero_grad()
    feat_s = gen(img_s)
    loss_s1 = criterion(c1(feat_s), label_s)
    loss_s2 = criterion(c2(feat_s), label_s)
    (loss_s1 + loss_s2).backward()
    opt_g.step()
    opt_c.step()
    feat_t = gen(img_t)
    loss_dis = torch.mean(torch.abs(F.softmax(c1(feat_t), 1) - F.softmax(c2(feat_t), 1)))
    print("Loss1: {:.6f} Discrepancy: {:.6f}".format(loss_s1.data[0], loss_dis.data[0]))
