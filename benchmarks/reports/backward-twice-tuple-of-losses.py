# report: https://github.com/mosaicml/composer/pull/1240
# family: backward-twice
# expect: 29
# runtime: raises RuntimeError: Trying to backward through the graph a second time
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class MultiTaskNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(10, 32), nn.ReLU())
        self.cls = nn.Linear(32, 3)
        self.reg = nn.Linear(32, 1)

    def loss(self, batch):
        x, labels, targets = batch
        h = self.body(x)
        return F.cross_entropy(self.cls(h), labels), F.mse_loss(self.reg(h).squeeze(1), targets)


def train_microbatch(model, optimizer, batch):
    losses = model.loss(batch)
    optimizer.zero_grad()
    for loss in losses:
        loss.backward()
    optimizer.step()


model = MultiTaskNet()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
batch = (torch.randn(6, 10), torch.randint(0, 3, (6,)), torch.randn(6))
train_microbatch(model, optimizer, batch)
