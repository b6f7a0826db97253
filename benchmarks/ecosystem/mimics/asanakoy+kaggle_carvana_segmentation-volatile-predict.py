# report: https://github.com/asanakoy/kaggle_carvana_segmentation/blob/7f3670edd64c9b73bd226a615127072c8fafed62/asanakoy/generate_sub.py#L46
# family: removed-api
# expect: 19
# runtime: asserts volatile=True is ignored: each test batch records the graph through the UNet
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(inplace=True), nn.Conv2d(4, 1, 1))
model.train(False)
test_loader = [(torch.randn(2, 3, 8, 8), ['a', 'b']) for _ in range(2)]
recorded = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for i, (images, names) in enumerate(test_loader):
        images = Variable(images, volatile=True)
        outputs = model(images)
        outputs = F.interpolate(outputs, size=(16, 16), mode='bilinear')
        output_probs = torch.sigmoid(outputs)
        recorded.append(output_probs.grad_fn is not None)
        masks = (output_probs.data.cpu().numpy() > 0.5)

assert any("volatile" in str(w.message) for w in caught)
assert all(recorded)
