# report: https://github.com/PacktPublishing/Deep-Learning-with-PyTorch/blob/7d2f9a92dafb5973070276db2c5453c1247e71e0/Chapter05/Understanding%20Convolutions%20and%20building%20an%20MNIST%20image%20classifier.ipynb
# family: removed-api
# expect: 23
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 4), nn.LogSoftmax(dim=1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
loader = [(torch.randn(5, 6), torch.randint(0, 4, (5,)))]


def fit(model, data_loader, phase="training"):
    model.train() if phase == "training" else model.eval()
    running_loss = 0.0
    for data, target in data_loader:
        if phase == "training":
            optimizer.zero_grad()
        output = model(data)
        loss = F.nll_loss(output, target)
        running_loss += F.nll_loss(output, target, reduction="sum").data[0]
        if phase == "training":
            loss.backward()
            optimizer.step()
    return running_loss / 5


fit(model, loader)
