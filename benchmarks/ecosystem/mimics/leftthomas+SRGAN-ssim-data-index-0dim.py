# report: https://github.com/leftthomas/SRGAN/blob/7ddfdf27273c42d858ec52cab5ca1cbfca81d0be/test_benchmark.py#L52
# family: removed-api
# expect: 31
# runtime: raises IndexError: invalid index of a 0-dim tensor
from math import exp, log10
import torch
import torch.nn.functional as F


def gaussian_window(size, channel, sigma=1.5):
    g = torch.tensor([exp(-(x - size // 2) ** 2 / (2 * sigma ** 2)) for x in range(size)])
    g = (g / g.sum()).unsqueeze(1)
    w2 = g.mm(g.t()).unsqueeze(0).unsqueeze(0)
    return w2.expand(channel, 1, size, size).contiguous()


def ssim(a, b, size=5):
    c = a.size(1)
    w = gaussian_window(size, c)
    mu1, mu2 = F.conv2d(a, w, padding=size // 2, groups=c), F.conv2d(b, w, padding=size // 2, groups=c)
    s1 = F.conv2d(a * a, w, padding=size // 2, groups=c) - mu1 ** 2
    s2 = F.conv2d(b * b, w, padding=size // 2, groups=c) - mu2 ** 2
    s12 = F.conv2d(a * b, w, padding=size // 2, groups=c) - mu1 * mu2
    m = ((2 * mu1 * mu2 + 1e-4) * (2 * s12 + 9e-4)) / ((mu1 ** 2 + mu2 ** 2 + 1e-4) * (s1 + s2 + 9e-4))
    return m.mean()


torch.manual_seed(0)
sr, hr = torch.rand(1, 3, 8, 8), torch.rand(1, 3, 8, 8)
psnr = 10 * log10(1 / ((hr - sr) ** 2).data.mean())
score = ssim(sr, hr).data[0]
print(psnr, score)
