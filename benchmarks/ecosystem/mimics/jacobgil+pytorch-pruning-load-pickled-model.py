# report: https://github.com/jacobgil/pytorch-pruning/blob/eb1b7a6d4222c7d0a884183983b274f1aa06fc7f/finetune.py#L265
# family: removed-api
# expect: 29
# runtime: raises UnpicklingError: Weights only load failed
import io
import sys
import types

import torch
import torch.nn as nn


class Pruned(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU(inplace=True))
        self.classifier = nn.Sequential(nn.Dropout(), nn.Linear(4, 2))


# make the class importable by pickle wherever this file runs
sys.modules.setdefault(Pruned.__module__, types.ModuleType(Pruned.__module__)).Pruned = Pruned

torch.manual_seed(0)
model = Pruned()
buf = io.BytesIO()
torch.save(model, buf)  # --train saves the whole module
buf.seek(0)
# --prune loads it back: the weights-only default of torch.load refuses a pickled module
model = torch.load(buf, map_location=lambda storage, loc: storage)
print(model)
