# report: https://github.com/Eric-mingjie/network-slimming/blob/b395dc07521cbc38f741d971a18fe3f6423c9ab1/main.py#L159
# family: removed-api
# expect: 20
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(inplace=True),
                      nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 5))
model.eval()
test_loss, correct = 0, 0
batches = [(torch.randn(3, 3, 6, 6), torch.randint(0, 5, (3,))) for _ in range(2)]
with torch.no_grad():
    for data, target in batches:
        output = model(data)
        pred = output.max(1, keepdim=True)[1]
        correct += pred.eq(target.view_as(pred)).sum()
        test_loss += F.cross_entropy(output, target, reduction="sum").data[0]
print(test_loss / 6, correct)
