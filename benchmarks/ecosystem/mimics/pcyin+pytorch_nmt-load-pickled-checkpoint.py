# report: https://github.com/pcyin/pytorch_nmt/blob/bf28dae8a4c71e1f3f3fcb51e989fab905886f44/nmt.py#L1016
# family: removed-api
# expect: 25
# runtime: raises UnpicklingError: Weights only load failed
import argparse
import io

import torch
import torch.nn as nn

torch.manual_seed(0)
args = argparse.Namespace(embed_size=4, hidden_size=6, dropout=0.0, cuda=False)
model = nn.Sequential(nn.Embedding(10, args.embed_size), nn.Linear(args.embed_size, 10, bias=False))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss = nn.functional.cross_entropy(model(torch.tensor([1, 2, 3])), torch.tensor([2, 3, 4]))
loss.backward()
optimizer.step()

buffer = io.BytesIO()
params = {"args": args, "vocab": {"<pad>": 0, "<s>": 1}, "state_dict": model.state_dict()}
torch.save(params, buffer)
buffer.seek(0)

model.eval()
params = torch.load(buffer, map_location=lambda storage, loc: storage)
saved_args = params["args"]
model.load_state_dict(params["state_dict"])
