# report: https://github.com/pytorch/pytorch/issues/5687
# family: inplace-saved-tensor
# expect: none
# runtime: runs: the residual is added in place into the BatchNorm output, which nothing saved, then ReLU runs in place
# twin: inplace-saved-tensor-relu-then-residual.py
import torch
import torch.nn as nn

torch.manual_seed(0)


class BasicBlock(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(channels)
        self.conv2 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(channels)
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x):
        identity = x
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        out += identity
        out = self.relu(out)
        return out


net = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), BasicBlock(4), BasicBlock(4))
optimizer = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
criterion = nn.MSELoss()
images, targets = torch.randn(2, 3, 6, 6), torch.randn(2, 4, 6, 6)
optimizer.zero_grad()
criterion(net(images), targets).backward()
optimizer.step()
assert net[1].conv1.weight.grad is not None
