# report: https://github.com/sacmehta/ESPNet/blob/afe71c38edaee3514ca44e0adcafdf36109bf437/train/main.py#L42
# family: removed-api
# expect: 22
# runtime: asserts volatile=True is ignored: every validation batch records the segmenter's graph
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
segmenter = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.PReLU(8), nn.Conv2d(8, 4, 1))
nll = nn.NLLLoss(torch.ones(4))
val_loader = [(torch.rand(2, 3, 8, 8), torch.randint(0, 4, (2, 8, 8))) for _ in range(2)]

segmenter.eval()
recorded = []
losses = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for images, labels in val_loader:
        # meant as the no-grad switch for validation
        input_var = torch.autograd.Variable(images, volatile=True)
        target_var = torch.autograd.Variable(labels, volatile=True)
        output = segmenter(input_var)
        loss = nll(F.log_softmax(output, 1), target_var)
        recorded.append(loss.grad_fn is not None)
        losses.append(loss.item())

assert any("volatile" in str(w.message) for w in caught)
assert all(recorded)
