# report: https://github.com/mazzzystar/randomCNN-voice-transfer/blob/a7400418ac7ca6b78ea376dd726a7a73d5f0c007/vctk_identify.py#L131
# family: removed-api
# expect: 32,33
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
frozen_cnn = nn.Sequential(nn.Conv2d(1, 4, kernel_size=(3, 1)), nn.LeakyReLU(0.2))
for p in frozen_cnn.parameters():
    p.requires_grad = False
frozen_cnn.eval()


def time_gram(spec):
    feats = frozen_cnn(spec[None, None])
    m, c, h, w = feats.shape
    flat = feats.view(m * c * h, w)
    return flat @ flat.t()


def distance(a, b):
    h, w = b.shape
    return 1.0 / (h * w) * torch.sum((a - b) ** 2)


enrolled = [(time_gram(torch.rand(6, 5)), "p%d" % k) for k in range(3)]
probe = time_gram(torch.rand(6, 5))
best, best_id = 1e5, ""
for gram, speaker in enrolled:
    dis = distance(probe, gram)
    if dis.data[0] < best:
        best = dis.data[0]
        best_id = speaker
