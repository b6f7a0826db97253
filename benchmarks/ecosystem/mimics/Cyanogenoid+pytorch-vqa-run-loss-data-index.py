# report: https://github.com/Cyanogenoid/pytorch-vqa/blob/8ff1afa630659d7add8d38e692718c2bc2fcae0d/train.py#L76
# family: removed-api
# expect: 23
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Linear(6, 5)
optimizer = torch.optim.Adam(net.parameters())
log_softmax = nn.LogSoftmax(dim=1)
loss_values = []

for v, a in [(torch.randn(3, 6), torch.randint(0, 4, (3, 5)).float())]:
    out = net(v)
    nll = -log_softmax(out)
    loss = (nll * a / 10).sum(dim=1).mean()
    _, idx = out.data.max(dim=1, keepdim=True)
    acc = (a.gather(dim=1, index=idx) * 0.3).clamp(max=1)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    loss_values.append(loss.data[0])
