# report: https://github.com/deep-learning-with-pytorch/dlwpt-code/blob/d6c0210143daa133bbdeddaffc8993b1e17b5174/p1ch8/1_convolution.ipynb
# family: module-misuse
# expect: 24
# runtime: asserts n_blocks * [ResBlock(...)] puts the same module object in the Sequential n_blocks times: the "100-block" net has the parameters of a single block
import torch
import torch.nn as nn


class ResBlock(nn.Module):
    def __init__(self, n_chans):
        super().__init__()
        self.conv = nn.Conv2d(n_chans, n_chans, kernel_size=3, padding=1, bias=False)
        self.batch_norm = nn.BatchNorm2d(n_chans)

    def forward(self, x):
        return torch.relu(self.batch_norm(self.conv(x))) + x


class NetResDeep(nn.Module):
    def __init__(self, n_chans1=4, n_blocks=10):
        super().__init__()
        self.conv1 = nn.Conv2d(3, n_chans1, kernel_size=3, padding=1)
        self.resblocks = nn.Sequential(
            *(n_blocks * [ResBlock(n_chans=n_chans1)]))
        self.fc = nn.Linear(n_chans1, 2)

    def forward(self, x):
        out = self.resblocks(torch.relu(self.conv1(x)))
        return self.fc(out.mean(dim=(2, 3)))


model = NetResDeep(n_blocks=10)
one_block = sum(p.numel() for p in ResBlock(4).parameters())
block_params = sum(p.numel() for p in model.resblocks.parameters())
assert len(model.resblocks) == 10
assert block_params == one_block
assert model.resblocks[0] is model.resblocks[9]
model(torch.randn(2, 3, 5, 5)).sum().backward()
assert model.resblocks[0].conv.weight.grad is model.resblocks[5].conv.weight.grad
