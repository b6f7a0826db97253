# report: https://github.com/nmhkahn/CARN-pytorch/blob/40d3514f81cccd680d846cd5ab07af35f2c8e0e2/carn/sample.py#L44
# family: removed-api
# expect: 19
# runtime: raises RuntimeError: output with shape [] doesn't match the broadcast shape
import torch
import torch.nn as nn

torch.manual_seed(0)
scale, shave = 2, 1
net = nn.Sequential(nn.Conv2d(3, 3 * scale * scale, 3, padding=1), nn.PixelShuffle(scale))
lr = torch.rand(3, 6, 6)


def chop_forward(net, lr):
    h, w = lr.size()[1:]
    h_half, w_half = int(h / 2), int(w / 2)
    h_chop, w_chop = h_half + shave, w_half + shave
    # meant as an empty (4, 3, h_chop, w_chop) buffer, like torch.FloatTensor(4, 3, h_chop, w_chop)
    lr_patch = torch.tensor((4, 3, h_chop, w_chop), dtype=torch.float)
    lr_patch[0].copy_(lr[:, 0:h_chop, 0:w_chop])
    lr_patch[1].copy_(lr[:, 0:h_chop, w - w_chop:w])
    lr_patch[2].copy_(lr[:, h - h_chop:h, 0:w_chop])
    lr_patch[3].copy_(lr[:, h - h_chop:h, w - w_chop:w])
    return net(lr_patch).detach()


sr = chop_forward(net, lr)
