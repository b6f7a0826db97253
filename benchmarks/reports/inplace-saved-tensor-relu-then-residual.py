# report: https://github.com/pytorch/pytorch/issues/5687
# family: inplace-saved-tensor
# expect: 27
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
# twin: inplace-saved-tensor-relu-then-residual-ok.py
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
        out = self.relu(out)
        # the residual is added after the activation, into the ReLU's own output
        out += identity
        return out


net = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), BasicBlock(4), BasicBlock(4))
optimizer = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
criterion = nn.MSELoss()
images, targets = torch.randn(2, 3, 6, 6), torch.randn(2, 4, 6, 6)
optimizer.zero_grad()
criterion(net(images), targets).backward()
optimizer.step()
