# report: https://github.com/uvipen/Tetris-deep-Q-learning-pytorch/blob/aaa937679989e6008f3daec583d989447b4824fc/test.py#L33
# family: removed-api
# expect: 17,19
# runtime: raises UnpicklingError: Weights only load failed
import io

import torch
import torch.nn as nn

torch.manual_seed(123)
net = nn.Sequential(nn.Linear(4, 64), nn.ReLU(inplace=True), nn.Linear(64, 64), nn.ReLU(inplace=True), nn.Linear(64, 1))
saved = io.BytesIO()
torch.save(net, saved)  # train.py: torch.save(model, "{}/tetris".format(opt.saved_path))
saved.seek(0)

if torch.cuda.is_available():
    model = torch.load(saved)
else:
    model = torch.load(saved, map_location=lambda storage, loc: storage)
model.eval()
next_states = torch.rand(5, 4)
predictions = model(next_states)[:, 0]
print(torch.argmax(predictions).item())
