# report: https://github.com/hungpthanh/GRU4REC-pytorch/blob/666b84264c4afae757fe55c6997dcf0a4da1d44e/main.py#L134
# family: removed-api
# expect: 23 25
# runtime: raises UnpicklingError: Weights only load failed
import argparse
import io
import torch
from torch import nn

torch.manual_seed(0)
# the trainer pickles the whole model, the argparse Namespace and the optimizer object
model = nn.ModuleDict({"gru": nn.GRU(6, 4, 1), "h2o": nn.Linear(4, 6)})
args = argparse.Namespace(hidden_size=4, k_eval=20)
optim = torch.optim.Adagrad(model.parameters(), lr=0.01)
checkpoint = {"model": model, "args": args, "epoch": 0, "optim": optim,
              "loss": 0.5, "recall": 0.1, "mrr": 0.05}
buf = io.BytesIO()
torch.save(checkpoint, buf)
raw = buf.getvalue()

# main.py --is_eval --load_model ...
try:
    checkpoint = torch.load(io.BytesIO(raw))
except:
    checkpoint = torch.load(io.BytesIO(raw), map_location=lambda storage, loc: storage)
model = checkpoint["model"]
