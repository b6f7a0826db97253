# report: https://github.com/aorursy/lost-nb-2/blob/11ed9347f9b34779fc859dcdbaa5f8c5dde88bff/solomonk_pytorch-modular-and-clean-cnn.py#L426
# family: removed-api
# expect: 20
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(12, 6), nn.ReLU(), nn.Linear(6, 3))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loader = [{"image": torch.randn(4, 3, 2, 2), "labels": torch.tensor([0, 1, 2, 1])}]
running_loss = 0.0
for i, dict_ in enumerate(loader):
    inputs = Variable(dict_["image"])
    labels = Variable(dict_["labels"])
    preds = model(inputs)
    loss = criterion(preds, labels)
    running_loss += loss.data[0] * labels.size(0)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
