# report: https://github.com/bodokaiser/piwise/blob/50f8be658693dd27bfa463cb00d1acec7e869fc4/piwise/network.py#L23
# family: module-misuse
# expect: 18
# runtime: asserts the "frozen" pretrained convolutions still train: requires_grad set on the Conv2d module, not its parameters
import torch
import torch.nn as nn

torch.manual_seed(0)


class FCN(nn.Module):
    def __init__(self, num_classes):
        super().__init__()
        self.feats = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(inplace=True))
        self.feat3 = nn.Sequential(nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(inplace=True))
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                m.requires_grad = False
        self.score = nn.Conv2d(8, num_classes, 1)

    def forward(self, x):
        return self.score(self.feat3(self.feats(x)))


model = FCN(4)
frozen = model.feats[0].weight.clone()
optimizer = torch.optim.SGD(model.parameters(), 1e-1, 0.9)
optimizer.zero_grad()
model(torch.randn(2, 3, 6, 6)).pow(2).mean().backward()
optimizer.step()
assert model.feats[0].weight.requires_grad
assert not torch.equal(model.feats[0].weight, frozen)
