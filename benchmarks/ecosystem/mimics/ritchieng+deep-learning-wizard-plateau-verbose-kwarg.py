# report: https://github.com/ritchieng/deep-learning-wizard/blob/e4ce284aac5487c86cdef223e669e76cf0c823f0/docs/deep_learning/boosting_models_pytorch/lr_scheduling.ipynb
# family: removed-api
# expect: 12
# runtime: raises TypeError: unexpected keyword argument 'verbose'
import torch
import torch.nn as nn
from torch.optim.lr_scheduler import ReduceLROnPlateau

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 3))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)
scheduler = ReduceLROnPlateau(optimizer, mode='max', factor=0.1, patience=0, verbose=True)
for epoch in range(2):
    x, y = torch.randn(4, 8), torch.randint(0, 3, (4,))
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
    accuracy = float((model(x).argmax(1) == y).float().mean())
    scheduler.step(accuracy)
