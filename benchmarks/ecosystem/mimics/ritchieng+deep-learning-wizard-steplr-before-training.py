# report: https://github.com/ritchieng/deep-learning-wizard/blob/e4ce284aac5487c86cdef223e669e76cf0c823f0/docs/deep_learning/boosting_models_pytorch/lr_scheduling.ipynb
# family: optimizer-misuse
# expect: 20
# runtime: asserts scheduler.step() at the top of every epoch (before any optimizer.step()) decays the learning rate before the first epoch: epoch 0 never trains with the initial lr
import warnings
import torch
import torch.nn as nn
from torch.optim.lr_scheduler import StepLR

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 6), nn.ReLU(), nn.Linear(6, 3))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)
scheduler = StepLR(optimizer, step_size=1, gamma=0.1)
loader = [(torch.randn(5, 8), torch.randint(0, 3, (5,))) for _ in range(2)]
used_lrs = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for epoch in range(3):
        scheduler.step()
        for images, labels in loader:
            optimizer.zero_grad()
            loss = criterion(model(images), labels)
            loss.backward()
            used_lrs.append(optimizer.param_groups[0]["lr"])
            optimizer.step()
assert any("before `optimizer.step()`" in str(w.message) for w in caught)
assert abs(used_lrs[0] - 0.01) < 1e-12  # first epoch already runs at lr * gamma
