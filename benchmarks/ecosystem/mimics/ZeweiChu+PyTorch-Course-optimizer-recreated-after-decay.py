# report: https://github.com/ZeweiChu/PyTorch-Course/blob/cb2fc97ef7b4ae3df326e2fe48d541fc5d80150f/notebooks/3.language-model.ipynb
# family: optimizer-misuse
# expect: 30
# runtime: asserts the learning-rate decay is lost: the fresh Adam built right after scheduler.step() starts again at the base lr and the scheduler keeps driving the discarded optimizer
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(20, 8), nn.Dropout(0.5), nn.Linear(8, 20))
loss_fn = nn.CrossEntropyLoss()
learning_rate = 0.001
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, 0.5)
val_losses = []
fake_val = iter([3.0, 4.0, 5.0])
lrs = []
for i in range(3):
    data = torch.randint(0, 20, (6,))
    target = torch.randint(0, 20, (6,))
    model.zero_grad()
    loss = loss_fn(model(data), target)
    loss.backward()
    optimizer.step()
    lrs.append(optimizer.param_groups[0]["lr"])
    val_loss = next(fake_val)
    if len(val_losses) == 0 or val_loss < min(val_losses):
        pass
    else:
        scheduler.step()
        optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
    val_losses.append(val_loss)

# two decays were requested, but every update still used the base learning rate
assert lrs == [learning_rate] * 3, lrs
assert scheduler.optimizer is not optimizer
