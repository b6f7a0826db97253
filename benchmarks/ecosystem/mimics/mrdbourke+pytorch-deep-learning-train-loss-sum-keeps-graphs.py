# report: https://github.com/mrdbourke/pytorch-deep-learning/blob/baa27b691617461c173ecf3439793cd8cde74e13/03_pytorch_computer_vision.ipynb
# family: graph-kept
# expect: 20
# runtime: asserts the epoch train_loss accumulated with += loss is a graph node chaining every batch's graph until the epoch ends
import torch
from torch import nn

torch.manual_seed(42)
model_0 = nn.Sequential(nn.Flatten(), nn.Linear(16, 8), nn.Linear(8, 3))
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(params=model_0.parameters(), lr=0.1)
train_dataloader = [(torch.randn(4, 1, 4, 4), torch.randint(0, 3, (4,))) for _ in range(5)]

for epoch in range(1):
    train_loss = 0
    for batch, (X, y) in enumerate(train_dataloader):
        model_0.train()
        y_pred = model_0(X)
        loss = loss_fn(y_pred, y)
        train_loss += loss
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    train_loss /= len(train_dataloader)

assert train_loss.requires_grad and train_loss.grad_fn is not None
# walk the AddBackward chain: one node per batch is still reachable
fn, depth = train_loss.grad_fn.next_functions[0][0], 0
while fn is not None and fn.name().startswith("Add"):
    depth += 1
    fn = fn.next_functions[0][0]
assert depth >= len(train_dataloader) - 1, depth
