# report: https://github.com/EKami/carvana-challenge/blob/4e1c43f306cfbef1df267acfce59bdcf19504850/src/nn/classifier.py#L59
# family: removed-api
# expect: 20
# runtime: asserts volatile=True is ignored: validation logits keep a graph back to the net
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.Conv2d(4, 1, 1))
loader = [(torch.randn(2, 3, 8, 8), (torch.rand(2, 1, 8, 8) > 0.5).float()) for _ in range(2)]


def validate_epoch():
    net.eval()
    kept = []
    for images, targets in loader:
        # "Volatile because we are in pure inference mode"
        images = Variable(images, volatile=True)
        targets = Variable(targets, volatile=True)
        logits = net(images)
        kept.append(logits.requires_grad)
    return kept


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    kept = validate_epoch()
assert any("volatile" in str(w.message) for w in caught)
assert all(kept), "inference still records autograd history"
