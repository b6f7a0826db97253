# report: https://github.com/lxztju/pytorch_classification/issues/13
# family: optimizer-misuse
# expect: 22 24
# runtime: raises ValueError: optimizer got an empty parameter list
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, num_classes):
        super().__init__()
        self.backbone = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU(), nn.AdaptiveAvgPool2d(1))
        self.fc = nn.Linear(8, num_classes)

    def forward(self, x):
        return self.fc(self.backbone(x).flatten(1))


torch.manual_seed(0)
model = Net(num_classes=4)
# Freeze the pretrained backbone, train only the new classifier.
for param in model.parameters():
    param.requires_grad = False
optimizer = torch.optim.Adam(filter(lambda p: p.requires_grad, model.parameters()), lr=1e-3)
loss = nn.functional.cross_entropy(model(torch.randn(2, 3, 8, 8)), torch.tensor([0, 3]))
