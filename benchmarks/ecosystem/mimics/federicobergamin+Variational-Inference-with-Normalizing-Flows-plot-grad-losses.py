# report: https://github.com/federicobergamin/Variational-Inference-with-Normalizing-Flows/blob/09c3702a4ae04d044bc9bfefa20de5078a44caab/MNIST_experiment.py#L206
# family: numpy-conversion
# expect: 28
# runtime: raises RuntimeError: Can't call numpy() on Tensor that requires grad
import numpy as np
import torch
import torch.nn as nn


def plot(values, label=None):
    # matplotlib turns its y data into an array first
    return np.asarray(values, dtype=float)


torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 6), nn.Sigmoid())
optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-5)
training_loss = []
for _ in range(3):
    x = torch.rand(4, 6)
    bound = -nn.functional.binary_cross_entropy(model(x), x, reduction="sum")
    L = -bound / len(x)
    L.backward()
    optimizer.step()
    optimizer.zero_grad()
    training_loss.append(-bound / len(x))

plot(training_loss, label="Bound mean per batch")
