# report: https://github.com/pytorch/pytorch/issues/6166
# family: non-scalar-backward
# expect: 23 31
# runtime: raises RuntimeError: grad can be implicitly created only for scalar outputs
import torch
import torch.nn as nn

torch.manual_seed(0)


class TinyFCN(nn.Module):
    def __init__(self, num_classes=3):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU())
        self.score = nn.Conv2d(8, num_classes, 1)

    def forward(self, x):
        return self.score(self.body(x))


model = TinyFCN()
logsoftmax = nn.LogSoftmax(dim=1)
criterion = nn.NLLLoss(reduction="none")
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
images = torch.randn(2, 3, 6, 6)
labels = torch.randint(0, 3, (2, 6, 6))

optimizer.zero_grad()
outputs = logsoftmax(model(images))
loss = criterion(outputs, labels)
loss.backward()
optimizer.step()
