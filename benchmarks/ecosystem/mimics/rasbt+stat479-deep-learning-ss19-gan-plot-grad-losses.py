# report: https://github.com/rasbt/stat479-deep-learning-ss19/blob/c8bf651b5ddfcf5d077ed04ff7eac0f3f1f3e6bf/L17_gans/code/gan-halfcnn-mnist-mode-collapse.ipynb
# family: numpy-conversion
# expect: 24
# runtime: raises RuntimeError: Can't call numpy() on Tensor that requires grad
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
generator = nn.Sequential(nn.Linear(4, 8), nn.LeakyReLU(), nn.Linear(8, 6), nn.Tanh())
discriminator = nn.Sequential(nn.Linear(6, 8), nn.LeakyReLU(), nn.Linear(8, 1), nn.Sigmoid())
optim_gener = torch.optim.Adam(generator.parameters(), lr=1e-4)
gener_costs = []
for batch_idx in range(3):
    z = torch.zeros(5, 4).uniform_(-1.0, 1.0)
    gener_loss = F.binary_cross_entropy(discriminator(generator(z)).view(-1), torch.ones(5))
    optim_gener.zero_grad()
    gener_loss.backward()
    optim_gener.step()
    gener_costs.append(gener_loss)

# plt.plot(range(len(gener_costs)), gener_costs) converts its y data with np.asarray
y_data = np.asarray(gener_costs)
