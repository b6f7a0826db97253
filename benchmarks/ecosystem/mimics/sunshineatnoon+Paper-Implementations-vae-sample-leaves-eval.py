# report: https://github.com/sunshineatnoon/Paper-Implementations/blob/8e2f7896739a1af87d46574fbb162acf2df5433c/VAE/vae.py#L181
# family: module-misuse
# expect: 30
# runtime: asserts the sampling helper switches the model to eval() inside the batch loop and nothing switches it back: BatchNorm stops updating its running stats for the rest of the epoch
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 6))
opt = torch.optim.Adam(model.parameters(), lr=1e-2)


def sample():
    model.eval()
    with torch.no_grad():
        model(torch.randn(3, 6))


def train_epoch(n_batches, log_interval):
    model.train()
    seen_modes = []
    for i in range(n_batches):
        x = torch.randn(4, 6) * 3 + 1
        opt.zero_grad()
        loss = (model(x) - x).pow(2).mean()
        loss.backward()
        opt.step()
        seen_modes.append(model.training)
        if i % log_interval == 0:
            sample()
    return seen_modes


modes = train_epoch(5, log_interval=10)
assert modes == [True, False, False, False, False]  # batches 1..4 run in eval mode
