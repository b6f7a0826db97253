# report: https://github.com/liorshk/facenet_pytorch/issues/9
# family: no-grad-backward
# expect: 21 22 23 27
# runtime: raises RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn
# twin: no-grad-backward-numpy-hard-triplets-ok.py
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
embed = nn.Sequential(nn.Linear(10, 8), nn.ReLU(), nn.Linear(8, 4))
optimizer = torch.optim.SGD(embed.parameters(), lr=0.05)
triplet = nn.TripletMarginLoss(margin=0.5)
anchor, pos, neg = torch.randn(6, 10), torch.randn(6, 10), torch.randn(6, 10)

out_a, out_p, out_n = embed(anchor), embed(pos), embed(neg)
d_ap = (out_a - out_p).norm(dim=1)
d_an = (out_a - out_n).norm(dim=1)
hard_triplets = np.where((d_an - d_ap < 0.5).detach().cpu().numpy())[0]

out_selected_a = torch.from_numpy(out_a.detach().cpu().numpy()[hard_triplets])
out_selected_p = torch.from_numpy(out_p.detach().cpu().numpy()[hard_triplets])
out_selected_n = torch.from_numpy(out_n.detach().cpu().numpy()[hard_triplets])

loss = triplet(out_selected_a, out_selected_p, out_selected_n)
optimizer.zero_grad()
loss.backward()
optimizer.step()
