# report: https://github.com/zhuangdizhu/FedGen/issues/1
# family: numpy-conversion
# expect: 26
# runtime: raises RuntimeError: Can't call numpy() on Tensor that requires grad
# twin: numpy-conversion-np-sum-losses-ok.py
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
        return len(self.y), loss


users = [User(4), User(6)]
test_samples, test_losses = zip(*[u.test() for u in users])
glob_loss = np.sum([n * l for n, l in zip(test_samples, test_losses)]).item() / np.sum(test_samples)
print(f"Average global loss: {glob_loss:.4f}")
