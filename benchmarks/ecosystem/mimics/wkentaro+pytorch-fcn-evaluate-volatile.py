# report: https://github.com/wkentaro/pytorch-fcn/blob/4b988509bfd1a613d5e8482595a1c6654047d69b/examples/voc/evaluate.py#L64
# family: removed-api
# expect: 20
# runtime: asserts volatile=True is ignored: each evaluation image records the autograd graph through the FCN
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
fcn = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(inplace=True), nn.Dropout2d(),
                    nn.Conv2d(8, 4, 1), nn.ConvTranspose2d(4, 4, 4, stride=2, padding=1, bias=False))
fcn.eval()
val_loader = [(torch.randn(1, 3, 8, 8), torch.randint(0, 4, (1, 16, 16))) for _ in range(3)]

label_trues, label_preds, recorded = [], [], []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for data, target in val_loader:
        data, target = Variable(data, volatile=True), Variable(target)
        score = fcn(data)
        recorded.append(score.requires_grad and score.grad_fn is not None)
        lbl_pred = score.data.max(1)[1].cpu().numpy()
        label_preds.append(lbl_pred)
        label_trues.append(target.data.numpy())

assert any("volatile" in str(w.message) for w in caught)
# the graph (with saved activations) is built for every image despite volatile=True
assert all(recorded)
