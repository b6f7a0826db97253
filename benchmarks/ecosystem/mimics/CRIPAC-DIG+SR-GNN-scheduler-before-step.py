# report: https://github.com/CRIPAC-DIG/SR-GNN/blob/cf724b1a748e5a238dd008aaac8b68e3039fd581/pytorch_code/model.py#L124
# family: optimizer-misuse
# expect: 17
# runtime: warns Detected call of `lr_scheduler.step()` before `optimizer.step()`
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(6, 4)
optimizer = torch.optim.Adam(model.parameters(), lr=0.001, weight_decay=1e-5)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=3, gamma=0.1)
batches = [(torch.randn(3, 6), torch.randint(0, 4, (3,))) for _ in range(2)]
lrs = []


def train_test():
    scheduler.step()
    model.train()
    for x, y in batches:
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
    lrs.append(optimizer.param_groups[0]["lr"])


for epoch in range(4):
    train_test()
assert abs(lrs[2] - 0.0001) < 1e-12  # decayed after 2 epochs of training, not 3
