# report: https://github.com/katerakelly/pytorch-maml/blob/75907aca148ad053dfaf75fc138319f0d89534a8/src/train_mnist.py#L49
# family: removed-api
# expect: 20
# runtime: raises IndexError: too many indices for array
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Linear(8, 10)
loss_fn = nn.CrossEntropyLoss()
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
train_loader = [(torch.randn(4, 8), torch.randint(0, 10, (4,))) for _ in range(3)]

for i, (in_, target) in enumerate(train_loader):
    out = net(in_)
    loss = loss_fn(out, target.long())
    opt.zero_grad()
    loss.backward()
    opt.step()
    logged = loss.data.cpu().numpy()[0]
