# report: https://github.com/rasbt/faster-pytorch-blog/issues/8
# family: no-grad-misuse
# expect: none
# runtime: runs: set_grad_enabled follows the phase, and backward is only called in the training phase
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
loaders = {
    "train": [(torch.randn(6, 4), torch.randint(0, 2, (6,))) for _ in range(2)],
    "val": [(torch.randn(6, 4), torch.randint(0, 2, (6,)))],
}

for epoch in range(2):
    for phase in ("train", "val"):
        model.train(phase == "train")
        for inputs, labels in loaders[phase]:
            optimizer.zero_grad()
            with torch.set_grad_enabled(phase == "train"):
                loss = criterion(model(inputs), labels)
                if phase == "train":
                    loss.backward()
                    optimizer.step()
assert torch.is_grad_enabled() and not loss.requires_grad
