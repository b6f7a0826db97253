# report: https://github.com/Blade-Storm/UdacityGenerateFacesDCGAN/blob/21be7e164eadd3430e40d863b835f287beddc555/dlnd_face_generation.ipynb
# family: graph-kept
# expect: 37
# runtime: asserts every per-epoch sample batch is stored with the generator's autograd graph attached
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
z_size = 8
G = nn.Sequential(nn.Linear(z_size, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Linear(32, 12), nn.Tanh())
D = nn.Sequential(nn.Linear(12, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1))
d_optimizer = torch.optim.Adam(D.parameters(), 2e-4, [0.5, 0.999])
g_optimizer = torch.optim.Adam(G.parameters(), 2e-4, [0.5, 0.999])
criterion = nn.BCEWithLogitsLoss()
loader = [torch.rand(6, 12) * 2 - 1 for _ in range(2)]

samples = []
fixed_z = torch.from_numpy(np.random.uniform(-1, 1, size=(4, z_size))).float()
for epoch in range(3):
    for real_images in loader:
        n = real_images.size(0)
        d_optimizer.zero_grad()
        z = torch.from_numpy(np.random.uniform(-1, 1, size=(n, z_size))).float()
        fake = G(z)
        d_loss = criterion(D(real_images).squeeze(), torch.ones(n) * 0.9) + criterion(D(fake).squeeze(), torch.zeros(n))
        d_loss.backward()
        d_optimizer.step()

        g_optimizer.zero_grad()
        z = torch.from_numpy(np.random.uniform(-1, 1, size=(n, z_size))).float()
        g_loss = criterion(D(G(z)).squeeze(), torch.ones(n) * 0.9)
        g_loss.backward()
        g_optimizer.step()

    G.eval()
    samples_z = G(fixed_z)
    samples.append(samples_z)  # kept with its graph, one per epoch
    G.train()

assert len(samples) == 3
assert all(s.requires_grad and s.grad_fn is not None for s in samples)
