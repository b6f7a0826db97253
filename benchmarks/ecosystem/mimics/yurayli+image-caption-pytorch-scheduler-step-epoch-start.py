# report: https://github.com/yurayli/image-caption-pytorch/blob/b517cddcd2e11fdb017faa1eb67a7990558b4040/solver.py#L104
# family: optimizer-misuse
# expect: 22
# runtime: asserts StepLR stepped at the top of each epoch before any optimizer.step: the lr decays one epoch early
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
V = 7
model = nn.Sequential(nn.Embedding(V, 5), nn.Linear(5, V))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=0.001)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.1)
batches = [torch.randint(1, V, (4, 6)) for _ in range(2)]
lrs_used = []

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for e in range(3):
        model.train()
        scheduler.step()
        for captions in batches:
            scores = model(captions[:, :-1])
            loss = F.cross_entropy(scores.reshape(-1, V), captions[:, 1:].reshape(-1))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        lrs_used.append(optimizer.param_groups[0]["lr"])

assert any("before `optimizer.step()`" in str(w.message) for w in caught)
# step_size=2 means epochs 0 and 1 should use lr 0.01; epoch 1 already runs at 0.001
assert abs(lrs_used[1] - 0.001) < 1e-12
