# report: https://github.com/songyouwei/ABSA-PyTorch/blob/9a7c6c1c993ad772d5f439d32af4899b6698ea67/train_k_fold_cross_val.py#L166
# family: optimizer-misuse
# expect: 36
# runtime: asserts the second fold starts from the first fold's Adam moments: the model is re-initialised per fold but the optimizer is built once
import copy

import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 8), nn.Tanh(), nn.Dropout(0.1), nn.Linear(8, 3))
criterion = nn.CrossEntropyLoss()
folds = [[(torch.randn(4, 6), torch.randint(0, 3, (4,))) for _ in range(3)] for _ in range(2)]
init_state = copy.deepcopy(model.state_dict())


def reset_params():
    model.load_state_dict(init_state)  # stands in for re-running the initializers


def train_fold(optimizer, batches):
    model.train()
    for x, y in batches:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()


def first_step_update(optimizer, batch):
    before = [p.detach().clone() for p in model.parameters()]
    train_fold(optimizer, [batch])
    return [p.detach() - b for p, b in zip(model.parameters(), before)]


optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=0.01)  # built once, before the folds
reset_params()
train_fold(optimizer, folds[0])
reset_params()  # fold 2: fresh weights ...
step_count = int(optimizer.state[next(model.parameters())]["step"])
stale = first_step_update(optimizer, folds[1][0])
reset_params()
fresh = first_step_update(torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=0.01), folds[1][0])
# ... but Adam still holds fold 1's step count and moments, so fold 2's first update differs from a clean start
assert step_count == len(folds[0])
assert not all(torch.allclose(a, b) for a, b in zip(stale, fresh))
