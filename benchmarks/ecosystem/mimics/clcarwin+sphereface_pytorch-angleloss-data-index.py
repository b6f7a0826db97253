# report: https://github.com/clcarwin/sphereface_pytorch/blob/e2f11f0b0f394cf75b9f65ce8d353e4390b0948c/train.py#L113
# family: removed-api
# expect: 37 40
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class AngleLoss(nn.Module):
    def __init__(self):
        super().__init__()
        self.it = 0

    def forward(self, input, target):
        self.it += 1
        cos_theta, phi_theta = input
        target = target.view(-1, 1)
        index = (cos_theta.data * 0.0).scatter_(1, target, 1).bool()
        lamb = max(5.0, 1500.0 / (1 + 0.1 * self.it))
        output = cos_theta * 1.0
        output[index] -= cos_theta[index] / (1 + lamb)
        output[index] += phi_theta[index] / (1 + lamb)
        logpt = F.log_softmax(output, dim=1).gather(1, target).view(-1)
        return (-logpt).mean()


fc = nn.Linear(6, 5)
criterion = AngleLoss()
optimizer = torch.optim.SGD(fc.parameters(), lr=0.1, momentum=0.9)
inputs, targets = torch.randn(4, 6), torch.tensor([0, 3, 1, 4])
optimizer.zero_grad()
cos = fc(inputs)
loss = criterion((cos, cos * 0.5), targets)
lossd = loss.data[0]
loss.backward()
optimizer.step()
train_loss = loss.data[0]
