# report: https://github.com/MultimediaTechLab/YOLO/pull/83
# family: graph-kept
# expect: 28
# runtime: asserts the epoch's loss dictionary holds tensors that carry the batches' graphs
from collections import defaultdict

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Trainer:
    def __init__(self):
        self.model = nn.Linear(10, 6)
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=0.01)

    def train_one_epoch(self, loader):
        total_loss = defaultdict(lambda: torch.tensor(0.0))
        for x, box, cls in loader:
            out = self.model(x)
            losses = {"box": F.l1_loss(out[:, :4], box), "cls": F.cross_entropy(out[:, 4:], cls)}
            self.optimizer.zero_grad()
            sum(losses.values()).backward()
            self.optimizer.step()
            for name, value in losses.items():
                total_loss[name] += value * x.shape[0]
        return total_loss


loader = [(torch.randn(4, 10), torch.rand(4, 4), torch.randint(0, 2, (4,))) for _ in range(3)]
epoch_loss = Trainer().train_one_epoch(loader)
assert all(v.grad_fn is not None for v in epoch_loss.values())
