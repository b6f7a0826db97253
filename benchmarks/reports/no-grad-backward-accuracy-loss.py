# report: https://github.com/fundamentalvision/Uni-Perceiver/issues/2
# family: no-grad-backward
# expect: 22 28
# runtime: raises RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn
import torch
import torch.nn as nn

torch.manual_seed(0)


class AccuracyLoss(nn.Module):
    """1 - top-1 accuracy, registered as a loss in the training config."""

    def forward(self, logits, target):
        pred = logits.argmax(dim=-1)
        return 1.0 - (pred == target).float().mean()


LOSSES = {"accuracy": AccuracyLoss()}
model = nn.Linear(6, 3)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
criterion = LOSSES["accuracy"]
x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))

for step in range(2):
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
