# report: https://github.com/cpark321/uncertainty-deep-learning/blob/70392b7efaa7ae2286503e8dc076ea7958a4a860/02.%20Dropout%20as%20a%20Bayesian%20Approximation.ipynb
# family: module-misuse
# expect: 31
# runtime: asserts model.eval() does not switch off F.dropout(..., training=True), so the 'standard' deterministic test() is one random MC-dropout sample and differs from run to run
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class CNN_Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, kernel_size=3)
        self.fc1 = nn.Linear(4 * 3 * 3, 16)
        self.fc2 = nn.Linear(16, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(F.dropout(self.conv1(x), training=True), 2))
        x = x.flatten(1)
        x = F.dropout(F.relu(self.fc1(x)), training=True)
        return self.fc2(x)


model = CNN_Model()
data = torch.rand(8, 1, 8, 8)


def test(model):
    model.eval()
    with torch.no_grad():
        return model(data)


first, second = test(model), test(model)
assert not model.training
assert not torch.allclose(first, second)  # 'deterministic' evaluation is random
