# report: https://github.com/PacktPublishing/Deep-Learning-with-PyTorch/blob/7d2f9a92dafb5973070276db2c5453c1247e71e0/Chapter03/Image%20Classification%20Dogs%20and%20Cats.ipynb
# family: removed-api
# expect: 25
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(8, 2)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.9)
dataloaders = {"train": [(torch.randn(4, 8), torch.randint(0, 2, (4,)))]}

for phase in ["train"]:
    model.train(True)
    running_loss = 0.0
    for inputs, labels in dataloaders[phase]:
        optimizer.zero_grad()
        outputs = model(inputs)
        _, preds = torch.max(outputs.data, 1)
        loss = criterion(outputs, labels)
        if phase == "train":
            loss.backward()
            optimizer.step()
        running_loss += loss.data[0]
