# report: https://github.com/asanakoy/kaggle_carvana_segmentation/blob/7f3670edd64c9b73bd226a615127072c8fafed62/ternaus/src/utils.py#L119
# family: removed-api
# expect: 21
# runtime: raises IndexError: invalid index of a 0-dim tensor
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(inplace=True), nn.Conv2d(4, 1, 1), nn.Sigmoid())
criterion = nn.BCELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
losses = []

inputs, targets = torch.randn(2, 3, 8, 8), (torch.rand(2, 1, 8, 8) > 0.5).float()
outputs = model(inputs)
loss = criterion(outputs, targets)
optimizer.zero_grad()
batch_size = inputs.size(0)
# running loss for the progress bar, torch 0.3 style
losses.append(loss.data[0])
mean_loss = np.mean(losses[-10:])
(batch_size * loss).backward()
optimizer.step()
