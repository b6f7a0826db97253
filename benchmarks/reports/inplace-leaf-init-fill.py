# report: https://github.com/pytorch/audio/pull/1993
# family: inplace-leaf
# expect: 27 28
# runtime: raises RuntimeError: a leaf Variable that requires grad is being used in an in-place operation
# twin: inplace-leaf-init-fill-ok.py
import torch
import torch.nn as nn

torch.manual_seed(0)


class UpsampleNetwork(nn.Module):
    """Upsamples conditioning features by repeated smoothing convolutions."""

    def __init__(self, channels, scales=(2, 2)):
        super().__init__()
        layers = []
        for scale in scales:
            conv = nn.Conv2d(1, 1, kernel_size=(1, 2 * scale + 1), padding=(0, scale), bias=False)
            self._init_as_average(conv, scale)
            layers += [nn.Upsample(scale_factor=(1, scale)), conv]
        self.layers = nn.Sequential(*layers)

    @staticmethod
    def _init_as_average(conv, scale):
        # every tap starts at 1 / width: a moving average
        conv.weight.fill_(1.0)
        conv.weight.div_(2 * scale + 1)

    def forward(self, spec):
        return self.layers(spec.unsqueeze(1)).squeeze(1)


net = UpsampleNetwork(channels=4)
out = net(torch.randn(2, 4, 5))
