# report: https://github.com/dataflowr/notebooks/blob/043dff0f792a5ae67005ba147f7b9dd5fc66e2a1/Module5/sol/MLP_CIFAR10.ipynb
# family: graph-kept
# expect: 26
# runtime: asserts train_loss += loss (no .item()) keeps a grad_fn chain linking every batch's loss of the epoch
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(12, 16), nn.ReLU(), nn.Linear(16, 10))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
loader = [(torch.randn(4, 12), torch.randint(0, 10, (4,))) for _ in range(5)]

net.train()
for epoch in range(1):
    train_correct = 0
    train_loss = 0
    for i, (batch, targets) in enumerate(loader):
        output = net(batch)
        loss = criterion(output, targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        pred = output.max(1, keepdim=True)[1]
        train_correct += pred.eq(targets.view_as(pred)).sum().item()
        train_loss += loss

depth, node = 0, train_loss.grad_fn
while node is not None and node.next_functions:
    depth += 1
    node = node.next_functions[0][0]
assert train_loss.requires_grad and depth >= len(loader) - 1
