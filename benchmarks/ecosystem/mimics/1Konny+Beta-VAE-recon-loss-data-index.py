# report: https://github.com/1Konny/Beta-VAE/blob/977a1ece88e190dd8a556b4e2efb665f759d0772/solver.py#L182
# family: removed-api
# expect: 22
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
net = nn.Linear(6, 6)
optim = torch.optim.Adam(net.parameters(), lr=1e-3)
x = torch.rand(4, 6)

x_recon = net(x)
recon_loss = F.binary_cross_entropy_with_logits(x_recon, x, reduction="sum").div(x.size(0))  # 0-dim
klds = -0.5 * (1 + torch.zeros(4, 2) - torch.randn(4, 2).pow(2) - torch.zeros(4, 2).exp())
total_kld = klds.sum(1).mean(0, True)  # keepdim: shape (1,)
optim.zero_grad()
(recon_loss + total_kld).sum().backward()
optim.step()
message = "recon_loss:{:.3f} total_kld:{:.3f}".format(
    recon_loss.data[0], total_kld.data[0])
