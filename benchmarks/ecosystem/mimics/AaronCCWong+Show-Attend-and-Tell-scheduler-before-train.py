# report: https://github.com/AaronCCWong/Show-Attend-and-Tell/blob/f1ac2709224d1a30cd911d6fee8ca2f16886254b/train.py#L54
# family: optimizer-misuse
# expect: 34
# runtime: asserts StepLR stepped at the top of each epoch before train(): the lr is cut one epoch early
import warnings
import torch
import torch.nn as nn

torch.manual_seed(0)
decoder = nn.Sequential(nn.Linear(6, 8), nn.Tanh(), nn.Dropout(), nn.Linear(8, 5))
optimizer = torch.optim.Adam(decoder.parameters(), lr=1e-4)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 2)
cross_entropy_loss = nn.CrossEntropyLoss()
loader = [(torch.randn(3, 6), torch.randint(0, 5, (3,))) for _ in range(2)]
seen = []


def train(epoch):
    decoder.train()
    for feats, targets in loader:
        optimizer.zero_grad()
        preds = decoder(feats)
        alphas = torch.softmax(preds, 1)
        loss = cross_entropy_loss(preds, targets)
        loss += ((1 - alphas.sum(1)) ** 2).mean()
        loss.backward()
        optimizer.step()
    seen.append(optimizer.param_groups[0]['lr'])


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for epoch in range(1, 4):
        scheduler.step()
        train(epoch)

assert any("before `optimizer.step()`" in str(w.message) for w in caught)
assert abs(seen[1] - 1e-5) < 1e-15  # step_size=2: epoch 2 should still run at 1e-4
