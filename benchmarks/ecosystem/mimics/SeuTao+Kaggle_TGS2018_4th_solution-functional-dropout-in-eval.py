# report: https://github.com/SeuTao/Kaggle_TGS2018_4th_solution/blob/079ecd8bd847a9ed0e40218e3d1f512c02480731/model/model.py#L276
# family: module-misuse
# expect: 21
# runtime: asserts F.dropout2d without training=self.training still drops channels after G.eval(), so validation/TTA predictions are random
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class HyperColumnHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.dec = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(inplace=True))
        self.logits_final = nn.Conv2d(8, 1, 1)

    def forward(self, x):
        d1 = self.dec(x)
        hypercol = torch.cat((d1, F.interpolate(d1, scale_factor=1.0, mode='bilinear')), 1)[:, :8]
        hypercol = F.dropout2d(hypercol, p=0.50)
        return self.logits_final(hypercol)


G = HyperColumnHead()
x = torch.randn(2, 3, 8, 8)
G.eval()  # val_TTA / get_infer_TTA
with torch.no_grad():
    a = G(x)
    b = G(x)
    d1 = G.dec(x)
    clean = G.logits_final(d1)
# two eval passes on the same image disagree, and neither equals the dropout-free output
assert not torch.allclose(a, b)
assert not torch.allclose(a, clean)
