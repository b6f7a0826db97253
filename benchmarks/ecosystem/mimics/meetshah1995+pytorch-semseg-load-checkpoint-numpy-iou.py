# report: https://github.com/meetshah1995/pytorch-semseg/blob/801fb200547caa5b0d91b8dde56b837da029f746/validate.py#L41
# family: removed-api
# expect: 29
# runtime: raises UnpicklingError: Weights only load failed
import io
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.DataParallel(nn.Conv2d(3, 4, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=1e-2)

# training: a confusion-matrix mean IoU (a numpy float64) goes into the checkpoint
hist = np.array([[5.0, 1.0], [2.0, 0.0]])
iu = np.diag(hist) / (hist.sum(axis=1) + hist.sum(axis=0) - np.diag(hist))
best_iou = np.nanmean(iu)
state = {
    "epoch": 10,
    "model_state": model.state_dict(),
    "optimizer_state": optimizer.state_dict(),
    "best_iou": best_iou,
}
ckpt = io.BytesIO()
torch.save(state, ckpt)
ckpt.seek(0)

# validation: weights_only=True by default since torch 2.6 refuses the numpy scalar
state = torch.load(ckpt)["model_state"]
