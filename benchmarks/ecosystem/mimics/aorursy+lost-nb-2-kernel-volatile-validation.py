# report: https://github.com/aorursy/lost-nb-2/blob/11ed9347f9b34779fc859dcdbaa5f8c5dde88bff/solomonk_pytorch-modular-and-clean-cnn.py#L459
# family: removed-api
# expect: 20
# runtime: asserts Variable(..., volatile=True) is ignored: the validation forward still records an autograd graph
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(12, 6), nn.ReLU(), nn.Linear(6, 3))
criterion = nn.CrossEntropyLoss()
val_loader = [{"image": torch.randn(4, 3, 2, 2), "labels": torch.tensor([0, 1, 2, 1])}]
model.eval()
eval_loss, graphs = 0.0, []
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    for data in val_loader:
        img, label = data["image"], data["labels"]
        img = Variable(img, volatile=True)
        label = Variable(label, volatile=True)
        out = model(img)
        loss = criterion(out, label)
        graphs.append(loss.grad_fn is not None)
        eval_loss += loss.item() * label.size(0)
assert all(graphs)
