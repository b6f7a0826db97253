# report: https://github.com/nadavbh12/VQ-VAE/blob/a360e77d43ec43dd5a989f057cbf8e0843bb9b1f/vq_vae/auto_encoder.py#L314
# family: module-misuse
# expect: 19, 22
# runtime: asserts torch.fmod returns a new tensor that is thrown away, so the weights are never truncated to (-0.04, 0.04)
import torch
import torch.nn as nn

torch.manual_seed(0)


class Model(nn.Module):
    def __init__(self, d=8, k=5):
        super().__init__()
        self.encoder = nn.Sequential(nn.Conv2d(3, d, 4, 2, 1), nn.ReLU(), nn.Conv2d(d, d, 3, 1, 1))
        self.emb = nn.Parameter(torch.rand(d, k))
        for l in self.modules():
            if isinstance(l, nn.Conv2d):
                l.weight.detach().normal_(0, 0.5)
                torch.fmod(l.weight, 0.04)
                nn.init.constant_(l.bias, 0)
        self.emb.detach().normal_(0, 0.5)
        torch.fmod(self.emb, 0.04)


m = Model()
wmax = max(m.encoder[0].weight.abs().max().item(), m.emb.abs().max().item())
print("largest |weight| after 'truncation':", wmax)
assert wmax > 0.04
