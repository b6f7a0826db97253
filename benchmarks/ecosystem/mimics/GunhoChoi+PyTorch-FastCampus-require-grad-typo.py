# report: https://github.com/GunhoChoi/PyTorch-FastCampus/blob/1e9ba63e9ccffa28637f9c441d6d5faf35696268/07_Transfer_Learning/0_Pretrained_Basic/Transfer_Learning.ipynb
# family: module-misuse
# expect: 24
# runtime: asserts the misspelled require_grad freezes nothing: every backbone parameter still requires and receives a gradient
import torch
import torch.nn as nn


class Resnet(nn.Module):
    def __init__(self):
        super(Resnet, self).__init__()
        self.layer0 = nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU(), nn.AdaptiveAvgPool2d(1))
        self.layer1 = nn.Sequential(nn.Linear(4, 5), nn.ReLU(), nn.Linear(5, 2))

    def forward(self, x):
        out = self.layer0(x)
        out = out.view(x.size(0), -1)
        return self.layer1(out)


torch.manual_seed(0)
model = Resnet()
for params in model.layer0.parameters():
    params.require_grad = False
for params in model.layer1.parameters():
    params.requires_grad = True

# "model.parameters() also works because of the cell right above"
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
before = [p.detach().clone() for p in model.layer0.parameters()]
optimizer.zero_grad()
loss = nn.CrossEntropyLoss()(model(torch.randn(2, 3, 6, 6)), torch.tensor([0, 1]))
loss.backward()
optimizer.step()
assert all(p.requires_grad and p.grad is not None for p in model.layer0.parameters())
assert any(not torch.equal(b, p) for b, p in zip(before, model.layer0.parameters()))
