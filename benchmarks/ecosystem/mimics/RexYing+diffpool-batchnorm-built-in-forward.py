# report: https://github.com/RexYing/diffpool/blob/8dfb97cf60c2376ac804761837b9966f1d302acb/encoders.py#L117
# family: module-misuse
# expect: 19
# runtime: asserts the BatchNorm1d created inside forward is never registered: its affine weights are not in the model's parameters and model.eval() leaves it normalising with the batch's own statistics
import torch
import torch.nn as nn

torch.manual_seed(0)
built = []


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Linear(3, 4)
        self.bn = True

    def apply_bn(self, x):
        bn_module = nn.BatchNorm1d(x.size()[1])
        built.append(bn_module)
        return bn_module(x)

    def forward(self, x):
        x = torch.relu(self.conv(x))
        if self.bn:
            x = self.apply_bn(x)
        return x.max(dim=1)[0]


model = Encoder()
x = torch.randn(2, 5, 3)
model.eval()
with torch.no_grad():
    full = model(x)
    alone = model(x[:1])
assert built[-1].training  # eval() never reached it
assert not torch.allclose(full[:1], alone)  # a graph's prediction depends on the rest of its batch
names = [n for n, _ in model.named_parameters()]
assert not any("bn" in n for n in names)  # its gamma/beta are never trained
