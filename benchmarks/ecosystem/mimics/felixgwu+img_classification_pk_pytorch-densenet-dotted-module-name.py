# report: https://github.com/felixgwu/img_classification_pk_pytorch/blob/298758dcb4a7e0af46db0fd645af62a1815c88de/models/densenet.py#L16
# family: removed-api
# expect: 13
# runtime: raises KeyError: got: norm.1
import torch
import torch.nn as nn
import torch.nn.functional as F


class DenseLayer(nn.Sequential):
    def __init__(self, c_in, growth, drop_rate=0.0):
        super().__init__()
        self.add_module("norm.1", nn.BatchNorm2d(c_in))
        self.add_module("relu.1", nn.ReLU(inplace=True))
        self.add_module("conv.1", nn.Conv2d(c_in, growth, 3, padding=1, bias=False))
        self.drop_rate = drop_rate

    def forward(self, x):
        new = super().forward(x)
        if self.drop_rate > 0:
            new = F.dropout(new, p=self.drop_rate, training=self.training)
        return torch.cat([x, new], 1)


layer = DenseLayer(4, 2)
out = layer(torch.randn(1, 4, 5, 5))
