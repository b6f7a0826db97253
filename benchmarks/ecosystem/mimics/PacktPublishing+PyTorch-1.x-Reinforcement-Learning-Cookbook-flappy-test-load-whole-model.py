# report: https://github.com/PacktPublishing/PyTorch-1.x-Reinforcement-Learning-Cookbook/blob/7ded3e1221cb1fa40bc97c626d0b53df3da80df4/Chapter09/test.py#L13
# family: removed-api
# expect: 12
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
import torch.nn as nn

buf = io.BytesIO()
torch.save(nn.Sequential(nn.Conv2d(4, 8, 8, stride=4), nn.ReLU(), nn.Flatten(), nn.Linear(8 * 4, 2)), buf)  # torch.save(estimator.model, ...)
buf.seek(0)
model = torch.load(buf)  # test.py: model = torch.load("{}/final".format(saved_path))
print(model(torch.zeros(1, 4, 20, 20)))
