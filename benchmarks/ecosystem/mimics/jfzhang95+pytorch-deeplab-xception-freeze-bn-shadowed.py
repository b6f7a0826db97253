# report: https://github.com/jfzhang95/pytorch-deeplab-xception/blob/9135e104a7a51ea9effa9c6676a2fcffe6a6a2e6/modeling/deeplab.py#L25
# family: module-misuse
# expect: 14
# runtime: asserts with freeze_bn=True the BatchNorm layers are never put in eval mode (the bool attribute shadows the freeze_bn() method), so their running statistics keep changing while their affine params are left out of the optimizer
import torch
import torch.nn as nn


class SegNet(nn.Module):
    def __init__(self, freeze_bn=False):
        super().__init__()
        self.backbone = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU())
        self.head = nn.Conv2d(8, 4, 1)
        self.freeze_bn = freeze_bn

    def forward(self, x):
        return self.head(self.backbone(x))

    def freeze_bn(self):
        for m in self.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.eval()

    def get_1x_lr_params(self):
        for m in self.backbone.modules():
            if self.freeze_bn:
                if isinstance(m, nn.Conv2d):
                    yield from m.parameters()
            elif isinstance(m, (nn.Conv2d, nn.BatchNorm2d)):
                yield from m.parameters()


torch.manual_seed(0)
model = SegNet(freeze_bn=True)
optimizer = torch.optim.SGD([{'params': model.get_1x_lr_params(), 'lr': 0.01},
                             {'params': model.head.parameters(), 'lr': 0.1}], momentum=0.9)
bn = model.backbone[1]
in_optim = {id(p) for g in optimizer.param_groups for p in g['params']}
assert id(bn.weight) not in in_optim  # BN affine params excluded, as for a frozen BN
mean0 = bn.running_mean.clone()

model.train()
for _ in range(2):
    x, y = torch.randn(2, 3, 8, 8) + 1.0, torch.randint(0, 4, (2, 8, 8))
    loss = nn.functional.cross_entropy(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

assert bn.training  # nothing ever put BN in eval mode
assert not torch.equal(bn.running_mean, mean0)  # "frozen" BN statistics drift
try:
    model.freeze_bn()
    raise AssertionError("freeze_bn() should not be callable")
except TypeError:
    pass  # 'bool' object is not callable: the method is shadowed
