# report: https://github.com/jakesnell/prototypical-networks/blob/c9bb4d258267c11cb6e23f0a19242d24ca98ad8a/scripts/predict/few_shot/eval.py#L15
# family: removed-api
# expect: 20
# runtime: raises UnpicklingError: Weights only load failed
import io

import torch
import torch.nn as nn

torch.manual_seed(0)
# the protonet encoder (the repo wraps it in a Protonet module)
model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten())

best_model = io.BytesIO()
model.cpu()
torch.save(model, best_model)  # train.py pickles the whole model
best_model.seek(0)

# eval.py
model = torch.load(best_model)
model.eval()
