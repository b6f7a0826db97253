# report: https://github.com/mrzhu-cool/pix2pix-pytorch/blob/85caf054bbd4e8c1112c124373770ed0f63201cd/test.py#L23
# family: removed-api
# expect: 19
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
import torch.nn as nn

torch.manual_seed(0)
net_g = nn.Sequential(nn.ReflectionPad2d(1), nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.ReLU(True),
                      nn.ReflectionPad2d(1), nn.Conv2d(4, 3, 3), nn.Tanh())
buffer = io.BytesIO()
torch.save(net_g, buffer)  # train.py checkpoints the whole generator module
buffer.seek(0)

# test.py
device = torch.device("cpu")
model_path = buffer
net_g = torch.load(model_path).to(device)
out = net_g(torch.randn(1, 3, 8, 8))
