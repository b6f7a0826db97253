# report: https://github.com/aorursy/lost-nb-2/blob/11ed9347f9b34779fc859dcdbaa5f8c5dde88bff/nikitagrec_nn-detection-architecture-with-pytorch.py#L243
# family: graph-kept
# expect: 22
# runtime: asserts every appended loss keeps its graph alive and np.asarray on the list (what plt.plot does) raises
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 2))
crit_bce = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loader = [(torch.randn(1, 6), torch.tensor([1.0, 0.0])) for _ in range(3)]

losses = []
for epoch in range(2):
    for batch_idx, (data, label) in enumerate(loader):
        output = model(data)[0]
        loss = crit_bce(output[0:1], label[0:1]) + crit_bce(output[1:2], label[1:2])
        if batch_idx % 500 == 0:
            print("Loss :{:.4f}".format(loss.item()))
        losses.append(loss)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

assert all(l.grad_fn is not None for l in losses)
try:
    np.asarray(losses)
    raised = False
except RuntimeError as err:
    raised = "requires grad" in str(err)
assert raised
