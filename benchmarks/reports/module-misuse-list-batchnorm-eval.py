# report: https://github.com/kanezaki/pytorch-unsupervised-segmentation/pull/6
# family: module-misuse
# expect: 13
# runtime: asserts model.eval() leaves the listed BatchNorm layers training: inference moves their running stats
import torch
import torch.nn as nn


class SegNet(nn.Module):
    def __init__(self, channels, n_conv):
        super().__init__()
        self.conv1 = nn.Conv2d(3, channels, 3, padding=1)
        self.conv2, self.bn2 = [], []
        for _ in range(n_conv - 1):
            self.conv2.append(nn.Conv2d(channels, channels, 3, padding=1))
            self.bn2.append(nn.BatchNorm2d(channels))

    def forward(self, x):
        x = torch.relu(self.conv1(x))
        for conv, bn in zip(self.conv2, self.bn2):
            x = torch.relu(bn(conv(x)))
        return x


torch.manual_seed(0)
model = SegNet(channels=4, n_conv=3)
model.eval()
stats_before = model.bn2[0].running_mean.clone()
with torch.no_grad():
    model(torch.rand(1, 3, 8, 8))
assert model.bn2[0].training
assert not torch.equal(stats_before, model.bn2[0].running_mean)
