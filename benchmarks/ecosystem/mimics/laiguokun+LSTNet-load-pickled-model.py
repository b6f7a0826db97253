# report: https://github.com/laiguokun/LSTNet/blob/093c4dced7b7f7405be0620d65bb288b6d7ab4f0/main.py#L168
# family: removed-api
# expect: 17
# runtime: raises UnpicklingError: Weights only load failed
import io

import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(1, 4, (3, 2)), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6, 2))
buffer = io.BytesIO()
torch.save(model, buffer)  # the best model is saved as a whole pickled module
buffer.seek(0)
best_val = 0.5
# "Load the best saved model." before the final test evaluation
model = torch.load(buffer)
model.eval()
