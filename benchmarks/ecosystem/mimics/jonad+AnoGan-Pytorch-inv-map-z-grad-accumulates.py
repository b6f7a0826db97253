# report: https://github.com/jonad/AnoGan-Pytorch/blob/a69087bcf054235f1124ed2b246d7e49b5680bfa/notebooks/AnoGanCancer.ipynb
# family: optimizer-misuse
# expect: 21
# runtime: asserts the latent's gradient is never zeroed: each step uses the sum of all earlier gradients
import torch
import torch.nn as nn

torch.manual_seed(0)
G = nn.Sequential(nn.Linear(4, 6), nn.Tanh())
for p in G.parameters():
    p.requires_grad = False
image = torch.rand(1, 6)
z = torch.randn(1, 4, requires_grad=True)
opt_z = torch.optim.Adam([z], lr=1e-2)

seen = []
for it in range(3):
    loss = torch.sum(torch.abs(image - G(z)))
    fresh = torch.autograd.grad(loss, z, retain_graph=True)[0]
    seen.append(fresh)
    loss.backward()
    opt_z.step()
    # the gradient the optimizer used is the running sum, not this step's gradient
    total = torch.stack(seen).sum(0)
    assert torch.allclose(z.grad, total)
assert not torch.allclose(z.grad, seen[-1])
