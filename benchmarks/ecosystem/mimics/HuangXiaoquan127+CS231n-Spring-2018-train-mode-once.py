# report: https://github.com/HuangXiaoquan127/CS231n-Spring-2018/blob/4bdaf1d8c3fdf71c7c8047678ce58619a0e64195/pytorch_tutorial/pytorch_tutorial.ipynb
# family: module-misuse
# expect: 40
# runtime: asserts model.train() is called once before the epoch loop, so after the per-epoch test() sets eval mode every later epoch trains with dropout off
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(123)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(8, 16)
        self.fc2 = nn.Linear(16, 3)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.dropout(x, training=self.training)
        return F.log_softmax(self.fc2(x), dim=1)


model = Net()
optimizer = optim.SGD(model.parameters(), lr=0.001, momentum=0.9)
trainset_loader = [(torch.randn(4, 8), torch.randint(0, 3, (4,))) for _ in range(2)]
testset_loader = [(torch.randn(4, 8), torch.randint(0, 3, (4,)))]
modes = []


def test():
    model.eval()
    with torch.no_grad():
        for data, target in testset_loader:
            F.nll_loss(model(data), target, reduction="sum").item()


def train(epoch):
    model.train()
    for ep in range(epoch):
        for data, target in trainset_loader:
            optimizer.zero_grad()
            modes.append(model.training)
            loss = F.nll_loss(model(data), target)
            loss.backward()
            optimizer.step()
        test()


train(3)
assert modes[:2] == [True, True]
assert modes[2:] == [False] * 4
