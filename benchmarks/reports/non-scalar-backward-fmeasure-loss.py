# report: https://github.com/zeakey/iccv2019-fmeasure/issues/1
# family: non-scalar-backward
# expect: 32 34
# runtime: raises RuntimeError: grad can be implicitly created only for scalar outputs
import torch
import torch.nn as nn

torch.manual_seed(0)


class FLoss(nn.Module):
    def __init__(self, beta=0.3):
        super().__init__()
        self.beta = beta

    def forward(self, prediction, target):
        n = prediction.size(0)
        pred, gt = prediction.view(n, -1), target.view(n, -1)
        tp = (pred * gt).sum(dim=1)
        h = self.beta * gt.sum(dim=1) + pred.sum(dim=1)
        fmeasure = (1 + self.beta) * tp / (h + 1e-10)
        return 1 - fmeasure


saliency = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.Conv2d(4, 1, 1))
fl = FLoss()
optimizer = torch.optim.Adam(saliency.parameters(), lr=1e-3)
images = torch.randn(3, 3, 8, 8)
target = (torch.rand(3, 1, 8, 8) > 0.6).float()

output = torch.sigmoid(saliency(images))
loss = fl(output, target)
optimizer.zero_grad()
loss.backward()
optimizer.step()
