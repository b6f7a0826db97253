# report: https://github.com/yunjey/pytorch-tutorial/blob/0500d3df5a2a8080ccfccbc00aca0eacc21818db/tutorials/01-basics/pytorch_basics/main.py#L185
# family: removed-api
# expect: 18
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
import torch.nn as nn

torch.manual_seed(0)
backbone = nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 4 * 4, 5))
for p in backbone.parameters():
    p.requires_grad = False
backbone[3] = nn.Linear(64, 2)  # replace the top layer for finetuning

ckpt = io.BytesIO()
torch.save(backbone, ckpt)  # the whole module is pickled
ckpt.seek(0)
model = torch.load(ckpt)  # weights_only=True by default since torch 2.6
print(model(torch.randn(1, 3, 6, 6)).shape)
