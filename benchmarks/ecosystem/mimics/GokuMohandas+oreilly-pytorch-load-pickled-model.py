# report: https://github.com/GokuMohandas/oreilly-pytorch/blob/a9ac5625361cb434cfa45fb5269fa152015a296f/code/lesson1/lesson1.ipynb
# family: removed-api
# expect: 15
# runtime: raises UnpicklingError: Weights only load failed
import io

import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Dropout(0.1), nn.Linear(8, 3))
buffer = io.BytesIO()
torch.save(model, buffer)  # the whole module is pickled, as torch.save(model, "model.pt")
buffer.seek(0)
model = torch.load(buffer)  # weights_only=True by default since torch 2.6
