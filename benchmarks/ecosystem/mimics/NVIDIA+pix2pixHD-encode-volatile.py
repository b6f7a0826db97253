# report: https://github.com/NVIDIA/pix2pixHD/blob/14b3b3c7fff413086e3b58df52096f16b6891172/models/pix2pixHD_model.py#L241
# family: removed-api
# expect: 17
# runtime: asserts volatile=True is ignored: encoding the training set records the encoder's graph for every image
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
netE = nn.Sequential(nn.Conv2d(3, 3, 3, padding=1), nn.InstanceNorm2d(3), nn.ReLU(True))
images = [torch.rand(1, 3, 8, 8) for _ in range(2)]
recorded = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for img in images:
        image = Variable(img, volatile=True)
        feat_map = netE.forward(image)
        recorded.append(feat_map.requires_grad)
assert any("volatile" in str(w.message) for w in caught)
assert all(recorded)
