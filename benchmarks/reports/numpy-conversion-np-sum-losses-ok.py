# report: https://github.com/zhuangdizhu/FedGen/issues/1
# family: numpy-conversion
# expect: none
# runtime: runs: each user's loss is turned into a Python float with .item() before numpy sums it
# twin: numpy-conversion-np-sum-losses.py
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
loss_fn = nn.CrossEntropyLoss()


class User:
    def __init__(self, n):
        self.model = nn.Linear(5, 3)
        self.x, self.y = torch.randn(n, 5), torch.randint(0, 3, (n,))

    def test(self):
        loss = loss_fn(self.model(self.x), self.y)
        return len(self.y), loss.item()


users = [User(4), User(6)]
test_samples, test_losses = zip(*[u.test() for u in users])
glob_loss = np.sum([n * l for n, l in zip(test_samples, test_losses)]).item() / np.sum(test_samples)
assert isinstance(glob_loss, float) and glob_loss > 0
