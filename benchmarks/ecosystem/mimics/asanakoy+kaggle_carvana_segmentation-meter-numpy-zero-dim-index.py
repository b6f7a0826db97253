# report: https://github.com/asanakoy/kaggle_carvana_segmentation/blob/7f3670edd64c9b73bd226a615127072c8fafed62/albu/src/train.py#L118
# family: removed-api
# expect: 32
# runtime: raises IndexError: too many indices for array
from collections import defaultdict
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(inplace=True), nn.Conv2d(4, 1, 1))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
criterion = nn.BCEWithLogitsLoss()


def make_step(images, ytrues):
    optimizer.zero_grad()
    ypreds = model(images)
    loss = criterion(ypreds, ytrues)
    ret = {'loss': loss.data}
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.)
    optimizer.step()
    return ret


avg_meter = defaultdict(float)
cache, cached_loss = None, 0
data = (torch.randn(2, 3, 8, 8), (torch.rand(2, 1, 8, 8) > 0.5).float())
for k, val in make_step(*data).items():
    avg_meter[k] += val
    loss = val.cpu().numpy()[0]  # hard-example mining reads the batch loss
    if cache is None or cached_loss < loss:
        cached_loss, cache = loss, data
