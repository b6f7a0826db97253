# report: https://github.com/ethanfetaya/NRI/blob/e63fcb0144bca60eb1cffed9a94489de928d6c23/train.py#L193
# family: optimizer-misuse
# expect: 18
# runtime: warns Detected call of `lr_scheduler.step()` before `optimizer.step()`
import torch
import torch.nn as nn

torch.manual_seed(0)
encoder = nn.Linear(8, 2)
decoder = nn.Linear(2, 8)
optimizer = torch.optim.Adam(list(encoder.parameters()) + list(decoder.parameters()), lr=5e-4)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=4, gamma=0.5)
lrs = []


def train(epoch):
    encoder.train(); decoder.train()
    scheduler.step()
    lrs.append(optimizer.param_groups[0]["lr"])
    for _ in range(2):
        x = torch.randn(5, 8)
        optimizer.zero_grad()
        logits = encoder(x)
        edges = nn.functional.gumbel_softmax(logits, tau=0.5)
        loss = (decoder(edges) - x).pow(2).sum() / 5
        loss.backward()
        optimizer.step()


for epoch in range(5):
    train(epoch)
assert lrs[3] == 2.5e-4  # epoch index 3 already trains at the decayed rate: the schedule runs one epoch early
