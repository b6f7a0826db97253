# report: https://github.com/jonad/AnoGan-Pytorch/blob/a69087bcf054235f1124ed2b246d7e49b5680bfa/scripts/inverse_mapping.py#L19
# family: module-misuse
# expect: 25,26,27
# runtime: asserts the frozen networks still run BatchNorm in training mode during anomaly scoring: scores use per-batch statistics and the running stats drift
import torch
import torch.nn as nn

torch.manual_seed(0)
G = nn.Sequential(nn.ConvTranspose2d(4, 8, 4, 1, 0), nn.BatchNorm2d(8), nn.ReLU(), nn.ConvTranspose2d(8, 1, 4, 2, 1), nn.Tanh())
D_body = nn.Sequential(nn.Conv2d(1, 8, 4, 2, 1), nn.BatchNorm2d(8), nn.LeakyReLU(0.2))
for net in (G, D_body):
    for m in net.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean.fill_(0.3)
            m.running_var.fill_(2.0)
    for p in net.parameters():
        p.requires_grad = False
before = D_body[1].running_mean.clone()

image = torch.rand(2, 1, 8, 8)
z = torch.rand(2, 4, 1, 1).requires_grad_()
opt_z = torch.optim.Adam([z], lr=2e-4)
for _ in range(3):
    if z.grad is not None:
        z.grad.zero_()
    gen = G(z)
    x_feat = D_body(image).view(2, -1)
    g_feat = D_body(gen).view(2, -1)
    score = 0.9 * torch.sum(torch.abs(image - gen)) + 0.1 * torch.sum(torch.abs(x_feat - g_feat))
    score.backward()
    opt_z.step()

assert G.training and D_body.training
assert not torch.allclose(D_body[1].running_mean, before)
D_body.eval()
assert not torch.allclose(D_body(image).view(2, -1), x_feat)
