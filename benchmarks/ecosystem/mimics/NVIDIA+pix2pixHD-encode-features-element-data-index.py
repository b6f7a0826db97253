# report: https://github.com/NVIDIA/pix2pixHD/blob/14b3b3c7fff413086e3b58df52096f16b6891172/models/pix2pixHD_model.py#L257
# family: removed-api
# expect: 25
# runtime: raises IndexError: invalid index of a 0-dim tensor
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
netE = nn.Sequential(nn.Conv2d(3, 3, 3, padding=1), nn.InstanceNorm2d(3), nn.ReLU(True))
image = torch.rand(1, 3, 8, 8)
inst = torch.zeros(1, 1, 8, 8, dtype=torch.long)
inst[:, :, 4:, :] = 1
feat_num = 3
with torch.no_grad():
    feat_map = netE.forward(image)
feature = {}
for i in np.unique(inst.numpy()):
    idx = (inst == int(i)).nonzero()
    num = idx.size()[0]
    idx = idx[num // 2, :]
    val = np.zeros((1, feat_num + 1))
    for k in range(feat_num):
        # one element of the feature map, read the pre-0.4 way
        val[0, k] = feat_map[idx[0], idx[1] + k, idx[2], idx[3]].data[0]
    feature[int(i)] = val
