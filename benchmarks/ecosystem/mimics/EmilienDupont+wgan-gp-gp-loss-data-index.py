# report: https://github.com/EmilienDupont/wgan-gp/blob/ef82364f2a2ec452a52fbf4a739f95039ae76fe3/training.py#L44
# family: removed-api
# expect: 24
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
critic = nn.Sequential(nn.Linear(6, 4), nn.LeakyReLU(0.2), nn.Linear(4, 1), nn.Sigmoid())
gen = nn.Sequential(nn.Linear(3, 6), nn.Sigmoid())
opt_c = torch.optim.Adam(critic.parameters(), lr=1e-4, betas=(0.9, 0.99))
opt_g = torch.optim.Adam(gen.parameters(), lr=1e-4, betas=(0.9, 0.99))
log = {"G": [], "D": [], "GP": [], "gradient_norm": []}

real = torch.rand(5, 6)
fake = gen(torch.randn(5, 3))
alpha = torch.rand(5, 1).expand_as(real)
mixed = (alpha * real.data + (1 - alpha) * fake.data).requires_grad_(True)
out = critic(mixed)
gradients = torch.autograd.grad(out, mixed, torch.ones(out.size()), create_graph=True, retain_graph=True)[0]
gradients = gradients.view(5, -1)
log["gradient_norm"].append(gradients.norm(2, dim=1).mean().item())
penalty = 10 * ((torch.sqrt((gradients ** 2).sum(1) + 1e-12) - 1) ** 2).mean()
log["GP"].append(penalty.data[0])
