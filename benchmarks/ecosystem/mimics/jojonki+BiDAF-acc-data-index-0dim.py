# report: https://github.com/jojonki/BiDAF/blob/16f469c0719bf30c42695a1b4df6bbd84db8ea49/main.py#L127
# family: removed-api
# expect: 31
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
N, T, D = 4, 6, 8
scorer = nn.Linear(D, 1)
opt = torch.optim.Adam(scorer.parameters())


def span_loss(probs, labels):
    loss = torch.zeros(1)
    for row, lab in zip(probs, labels):
        loss -= torch.log(row[lab])
    return loss / probs.size(0)


ctx = torch.randn(N, T, D)
a_beg = torch.randint(0, T, (N,))
p1 = F.softmax(scorer(ctx).squeeze(-1), dim=-1)
loss = span_loss(p1, a_beg)
opt.zero_grad()
loss.backward()
opt.step()
p1_acc = 0
# the count of correct start positions is a 0-dim tensor: .data[0] fails
p1_acc += torch.sum(a_beg == torch.max(p1, 1)[1]).data[0]
print(p1_acc)
