# report: https://github.com/twtygqyy/pytorch-vdsr/blob/514b021044018baf909e79f48392783daa592888/eval.py#L33
# family: removed-api
# expect: 13
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(inplace=True), nn.Conv2d(4, 1, 3, padding=1))
buf = io.BytesIO()
torch.save({"epoch": 3, "model": net}, buf)  # the checkpoint holds the whole module
model = torch.load(io.BytesIO(buf.getvalue()), map_location=lambda storage, loc: storage)["model"]
print(model(torch.randn(1, 1, 4, 4)).shape)
