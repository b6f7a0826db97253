# report: https://github.com/milesial/Pytorch-UNet/blob/21d7850f2af30a9695bbeea75f3136aa538cfc4a/unet/unet_model.py#L39
# family: module-misuse
# expect: 24, 25, 26
# runtime: raises TypeError: 'module' object is not callable
import torch
import torch.nn as nn
import torch.utils.checkpoint


class SmallUNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.inc = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU())
        self.down1 = nn.Sequential(nn.MaxPool2d(2), nn.Conv2d(8, 16, 3, padding=1), nn.ReLU())
        self.outc = nn.Conv2d(16, 2, 1)

    def forward(self, x):
        return self.outc(self.down1(self.inc(x)))

    def use_checkpointing(self):
        # meant as activation checkpointing, but torch.utils.checkpoint is the
        # module, not a wrapper (the function is torch.utils.checkpoint.checkpoint
        # and it is applied at call time, not to a module)
        self.inc = torch.utils.checkpoint(self.inc)
        self.down1 = torch.utils.checkpoint(self.down1)
        self.outc = torch.utils.checkpoint(self.outc)


model = SmallUNet()
model.use_checkpointing()  # the OutOfMemoryError fallback in train.py
out = model(torch.randn(1, 3, 8, 8))
