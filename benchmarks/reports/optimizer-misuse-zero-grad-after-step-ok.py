# report: https://github.com/openpifpaf/openpifpaf/issues/123
# family: optimizer-misuse
# expect: none
# runtime: runs: backward, step, then zero_grad (with one zero_grad before the loop) updates every step
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.Conv2d(4, 2, 1))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)


def train_batch(images, masks):
    loss = criterion(model(images), masks)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    return loss.item()


optimizer.zero_grad()
for _ in range(3):
    before = model[0].weight.detach().clone()
    train_batch(torch.randn(2, 3, 6, 6), torch.randint(0, 2, (2, 6, 6)))
    assert not torch.equal(before, model[0].weight) and model[0].weight.grad is None
