# report: https://github.com/nevenp/dqn_flappy_bird/blob/c882ca16bd5e8eab041f794f7ed9a62db33e56b5/dqn.py#L235
# family: removed-api
# expect: 16
# runtime: raises UnpicklingError: Weights only load failed
import io

import torch
import torch.nn as nn

net = nn.Sequential(nn.Conv2d(4, 8, 8, 4), nn.ReLU(inplace=True), nn.Flatten(), nn.Linear(8 * 4 * 4, 2))
buf = io.BytesIO()
torch.save(net, buf)  # train(): torch.save(model, "pretrained_model/current_model_...pth")
buf.seek(0)

cuda_is_available = torch.cuda.is_available()
model = torch.load(buf, map_location="cpu" if not cuda_is_available else None).eval()
state = torch.zeros(1, 4, 84, 84)[:, :, :20, :20]
output = model(state)[0]
print(torch.argmax(output))
