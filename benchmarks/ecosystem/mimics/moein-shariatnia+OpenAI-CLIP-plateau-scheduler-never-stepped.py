# report: https://github.com/moein-shariatnia/OpenAI-CLIP/blob/73fea1f9b71a4982997ea4c75070a845b547abef/main.py#L93
# family: optimizer-misuse
# expect: 32
# runtime: asserts ReduceLROnPlateau with step="epoch" is never stepped in main.py: the lr never drops while the valid loss is flat
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(5, 4), nn.Dropout(0.1), nn.Linear(4, 1))
train_loader = [torch.randn(3, 5) for _ in range(2)]
valid_loader = [torch.zeros(3, 5)]


def train_epoch(model, train_loader, optimizer, lr_scheduler, step):
    for batch in train_loader:
        loss = model(batch).pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step == "batch":
            lr_scheduler.step()


def valid_epoch(model, valid_loader):
    total = 0.0
    for batch in valid_loader:
        total += 1.0  # a plateaued validation loss
    return total


optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-3)
lr_scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(
    optimizer, mode="min", patience=1, factor=0.8
)
step = "epoch"
for epoch in range(6):
    model.train()
    train_epoch(model, train_loader, optimizer, lr_scheduler, step)
    model.eval()
    with torch.no_grad():
        valid_loss = valid_epoch(model, valid_loader)

assert optimizer.param_groups[0]["lr"] == 1e-3
# the notebook's loop ends with lr_scheduler.step(valid_loss), which would have cut it by now
fixed = torch.optim.lr_scheduler.ReduceLROnPlateau(torch.optim.SGD([nn.Parameter(torch.zeros(1))], lr=1e-3), patience=1, factor=0.8)
for _ in range(6):
    fixed.step(1.0)
assert fixed.optimizer.param_groups[0]["lr"] < 1e-3
