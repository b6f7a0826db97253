# report: https://github.com/udacity/DL_PyTorch/blob/58dac220e416917cfe91a81cd2f49bf55ed72b4e/Part%208%20-%20Transfer%20Learning.ipynb
# family: optimizer-misuse
# expect: 23
# runtime: asserts the classifier's gradient at the second step is the sum of both batches' gradients: the timing loop never zeroes grads
import torch
from torch import nn, optim

torch.manual_seed(0)
features = nn.Linear(12, 8)
for p in features.parameters():
    p.requires_grad = False
head = nn.Sequential(nn.Linear(8, 4), nn.ReLU(), nn.Linear(4, 2), nn.LogSoftmax(dim=1))
criterion = nn.NLLLoss()
opt = optim.Adam(head.parameters(), lr=0.001)
batches = [(torch.randn(5, 12), torch.randint(0, 2, (5,))) for _ in range(2)]

seen = []
for inputs, labels in batches:
    out = head(features(inputs))
    loss = criterion(out, labels)
    w = head[0].weight
    seen.append(torch.autograd.grad(loss, w, retain_graph=True)[0])
    loss.backward()
    opt.step()

assert not torch.allclose(head[0].weight.grad, seen[1])
assert torch.allclose(head[0].weight.grad, seen[0] + seen[1], atol=1e-6)
