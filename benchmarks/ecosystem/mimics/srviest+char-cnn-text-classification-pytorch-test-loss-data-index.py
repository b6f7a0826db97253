# report: https://github.com/srviest/char-cnn-text-classification-pytorch/blob/f269894ad40ef4d716b76b24db20379f102cae37/test.py#L75
# family: removed-api
# expect: 18
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 4), nn.LogSoftmax(dim=1))
model.eval()
accumulated_loss, size = 0, 0
for inputs, target in [(torch.randn(3, 6), torch.tensor([1, 2, 4]))]:
    target.sub_(1)
    size += len(target)
    logit = model(inputs)
    predicates = torch.max(logit, 1)[1].view(target.size()).data
    accumulated_loss += F.nll_loss(logit, target, reduction="sum").data[0]
