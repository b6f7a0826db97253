# report: https://github.com/meliketoy/fine-tuning.pytorch/blob/91b45bbf1287a33603c344d64c06b6b1bf8f226e/main.py#L232
# family: removed-api
# expect: 31
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.ReLU(inplace=True), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 2))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=0.9, weight_decay=5e-4)
loaders = {p: [(torch.rand(4, 3, 8, 8), torch.randint(0, 2, (4,)))] for p in ["train", "val"]}

for phase in ["train", "val"]:
    if phase == "train":
        model.train(True)
    else:
        model.train(False)
        model.eval()
    running_loss, running_corrects, tot = 0.0, 0, 0
    for inputs, labels in loaders[phase]:
        inputs, labels = Variable(inputs), Variable(labels)
        optimizer.zero_grad()
        outputs = model(inputs)
        loss = criterion(outputs, labels)
        _, preds = torch.max(outputs.data, 1)
        if phase == "train":
            loss.backward()
            optimizer.step()
        running_loss += loss.data[0]
        running_corrects += preds.eq(labels.data).cpu().sum()
        tot += labels.size(0)
