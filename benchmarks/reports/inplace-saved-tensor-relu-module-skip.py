# report: https://github.com/osmr/imgclsmob/issues/13
# family: inplace-saved-tensor
# expect: 17 22
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)


class EntryBlock(nn.Module):
    """An Xception-style block: a strided 1x1 shortcut beside a ReLU -> conv main path."""

    def __init__(self, cin, cout):
        super().__init__()
        self.shortcut = nn.Conv2d(cin, cout, 1, stride=2)
        self.activ = nn.ReLU(inplace=True)
        self.conv = nn.Conv2d(cin, cout, 3, stride=2, padding=1)

    def forward(self, x):
        identity = self.shortcut(x)  # the 1x1 conv saves x for its weight gradient
        x = self.activ(x)  # ReLU(inplace=True) overwrites that same x
        return self.conv(x) + identity


stem = nn.Conv2d(3, 4, 3, padding=1)
block = EntryBlock(4, 8)
optimizer = torch.optim.SGD(list(stem.parameters()) + list(block.parameters()), lr=0.1)
images = torch.randn(2, 3, 8, 8)
loss = block(stem(images)).pow(2).mean()
optimizer.zero_grad()
loss.backward()
optimizer.step()
