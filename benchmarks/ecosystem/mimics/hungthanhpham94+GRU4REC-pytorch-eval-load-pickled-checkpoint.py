# report: https://github.com/hungthanhpham94/GRU4REC-pytorch/blob/3b2c9eb4069da98aab831911720d2dbff580f08a/main.py#L134
# family: removed-api
# expect: 31, 34
# runtime: raises UnpicklingError: Weights only load failed
import argparse
import io

import torch
import torch.nn as nn

torch.manual_seed(0)
n_items, hidden_size, B = 10, 6, 4
gru = nn.GRU(n_items, hidden_size)
h2o = nn.Sequential(nn.Linear(hidden_size, n_items), nn.Tanh())
model = nn.ModuleList([gru, h2o])
optim = torch.optim.Adagrad(model.parameters(), lr=0.05)
hidden = torch.zeros(1, B, hidden_size)
for _ in range(3):
    items, target = torch.randint(0, n_items, (B,)), torch.randint(0, n_items, (B,))
    optim.zero_grad()
    hidden = hidden.detach()
    out, hidden = gru(nn.functional.one_hot(items, n_items).float().unsqueeze(0), hidden)
    logit = h2o(out.view(B, -1))[:, target]
    loss = torch.sigmoid(-(logit.diag().view(-1, 1) - logit)).mean() + torch.sigmoid(logit ** 2).mean()
    loss.backward()
    optim.step()
buf = io.BytesIO()
torch.save({"model": model, "args": argparse.Namespace(k_eval=20), "epoch": 0, "loss": loss.item()}, buf)
buf.seek(0)
try:
    checkpoint = torch.load(buf)
except:  # noqa: E722
    buf.seek(0)
    checkpoint = torch.load(buf, map_location=lambda storage, loc: storage)
model = checkpoint["model"]
