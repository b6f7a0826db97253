# report: https://github.com/wohlert/semi-supervised-pytorch/blob/7cde4959468d271552febdcfed5e1cfae9857613/examples/notebooks/Deep%20Generative%20Model.ipynb
# family: removed-api
# expect: 15
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
import torch.nn as nn

torch.manual_seed(0)
vae = nn.ModuleDict({"encoder": nn.Linear(6, 4), "decoder": nn.Sequential(nn.Linear(2, 6), nn.Sigmoid())})

buffer = io.BytesIO()
torch.save(vae, buffer)  # the examples save whole models: torch.save(model, '{}.pt')
buffer.seek(0)
features = torch.load(buffer)
