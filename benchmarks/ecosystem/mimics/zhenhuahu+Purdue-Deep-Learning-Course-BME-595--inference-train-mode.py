# report: https://github.com/zhenhuahu/Purdue-Deep-Learning-Course-BME-595-/blob/04a736da02c1062aad434f3bd8c8669f2a28dd95/hw5/img2obj.py#L164
# family: module-misuse
# expect: 30
# runtime: asserts validation runs with BatchNorm in training mode: running stats change during validation and predictions depend on the batch
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer1 = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4))
        self.fc = nn.Linear(4 * 3 * 3, 6)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.layer1(x)), 2)
        return self.fc(x.view(x.size(0), -1))


model = Net()
# the class never calls eval(); its own train() method even shadows nn.Module.train
assert model.training
val = [(torch.randn(8, 3, 8, 8) * 3 + 1, torch.randint(0, 6, (8,)))]
before = model.layer1[1].running_mean.clone()
for data, target in val:
    data.requires_grad = False
    output = model(data)
after = model.layer1[1].running_mean.clone()
assert not torch.equal(before, after), "validation updated BatchNorm running stats"
# the first image's prediction changes when it is scored with other images
alone = model(val[0][0][:1])
assert not torch.allclose(alone, output[:1], atol=1e-4)
