# report: https://github.com/HyeongYeolRyu/cs231n_2017_assignment/blob/a7c81be988c2cb278e100b9071a7c50a834ef28c/assignment2/pytorch_tutorial.ipynb
# family: module-misuse
# expect: 25
# runtime: asserts epochs after the first train with dropout off because test() leaves the model in eval mode
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(16, 12), nn.ReLU(), nn.Dropout(0.5), nn.Linear(12, 4), nn.LogSoftmax(dim=1))
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=0.9)
trainset_loader = [(torch.randn(8, 1, 4, 4), torch.randint(0, 4, (8,))) for _ in range(2)]
testset_loader = trainset_loader[:1]
mode_seen = []


def test():
    model.eval()
    with torch.no_grad():
        for data, target in testset_loader:
            F.nll_loss(model(data), target, reduction="sum").item()


def train(epoch):
    model.train()  # set once, before the epoch loop
    for ep in range(epoch):
        for data, target in trainset_loader:
            mode_seen.append(model.training)
            loss = F.nll_loss(model(data), target)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        test()  # switches to eval mode and nobody switches back


train(3)
assert mode_seen[:2] == [True, True]
assert mode_seen[2:] == [False] * 4  # epochs 2 and 3 run without dropout
