# report: https://github.com/sacmehta/EdgeNets/issues/14
# family: optimizer-misuse
# expect: 19
# runtime: asserts the weights never change: the gradients are cleared between backward and step
import torch
import torch.nn as nn

torch.manual_seed(0)
seg_model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.Conv2d(4, 2, 1))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(seg_model.parameters(), lr=1e-2)
start = [p.detach().clone() for p in seg_model.parameters()]


def train_step(images, masks):
    output = seg_model(images)
    loss = criterion(output, masks)
    loss.backward()
    optimizer.zero_grad()
    optimizer.step()
    return loss.item()


for _ in range(3):
    train_step(torch.randn(2, 3, 6, 6), torch.randint(0, 2, (2, 6, 6)))

assert all(torch.equal(a, b) for a, b in zip(start, seg_model.parameters()))
