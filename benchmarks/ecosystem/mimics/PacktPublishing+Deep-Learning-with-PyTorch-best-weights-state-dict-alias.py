# report: https://github.com/PacktPublishing/Deep-Learning-with-PyTorch/blob/7d2f9a92dafb5973070276db2c5453c1247e71e0/Chapter03/Image%20Classification%20Dogs%20and%20Cats.ipynb
# family: detach-alias
# expect: 13 25
# runtime: asserts the "best" weights kept by state_dict() follow every later optimizer step: load_state_dict restores the last weights, not the best
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(8, 2)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9)
x, y = torch.randn(16, 8), torch.randint(0, 2, (16,))
best_model_wts = model.state_dict()
best_acc = -1.0
snapshots = []

for epoch in range(4):
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
    acc = 1.0 if epoch == 0 else 0.0  # the first epoch is the best one
    if acc > best_acc:
        best_acc = acc
        best_model_wts = model.state_dict()
        snapshots.append(model.weight.detach().clone())

model.load_state_dict(best_model_wts)
assert not torch.equal(model.weight, snapshots[0])  # the best epoch's weights are lost
assert best_model_wts["weight"].data_ptr() == model.weight.data_ptr()
