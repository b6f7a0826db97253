# report: https://github.com/hunkim/PyTorchZeroToAll/blob/e5a260fac0b4ff1e2ec434fc6f0d962ac97fc289/11_1_toy_inception_mnist.py#L107
# family: removed-api
# expect: 22
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(1, 3, 3), nn.ReLU(), nn.Flatten(), nn.Linear(3 * 4 * 4, 5))
optimizer = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.5)
data = torch.randn(4, 1, 6, 6)
target = torch.randint(0, 5, (4,))
for batch_idx in range(2):
    optimizer.zero_grad()
    output = F.log_softmax(net(data), dim=1)
    loss = F.nll_loss(output, target)
    loss.backward()
    optimizer.step()
    if batch_idx % 10 == 0:
        # the mean loss has been 0-dim since torch 0.4: indexing it fails
        print('Train Epoch: {} Loss: {:.6f}'.format(1, loss.data[0]))
