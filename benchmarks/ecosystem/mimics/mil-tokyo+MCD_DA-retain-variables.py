# report: https://github.com/mil-tokyo/MCD_DA/blob/af10217c5c5451dcd8bc3e975a7d067c285cc029/classification/solver.py#L184
# family: removed-api
# expect: 20
# runtime: raises TypeError: unexpected keyword argument 'retain_variables'
import torch
import torch.nn as nn

torch.manual_seed(0)
gen = nn.Linear(6, 5)
c1, c2 = nn.Linear(5, 3), nn.Linear(5, 3)
opt_g = torch.optim.SGD(gen.parameters(), lr=0.1)
opt_c = torch.optim.SGD(list(c1.parameters()) + list(c2.parameters()), lr=0.1)
criterion = nn.CrossEntropyLoss()
img_s, label_s = torch.randn(4, 6), torch.tensor([0, 1, 2, 1])

opt_g.zero_grad()
opt_c.zero_grad()
feat_s = gen(img_s)
loss_s = criterion(c1(feat_s), label_s) + criterion(c2(feat_s), label_s)
loss_s.backward(retain_variables=True)
opt_c.step()
opt_g.step()
