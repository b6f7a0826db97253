# report: https://github.com/ethanfetaya/NRI/blob/e63fcb0144bca60eb1cffed9a94489de928d6c23/train.py#L232
# family: removed-api
# expect: 27, 28
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
num_atoms, dims, steps = 3, 4, 5
encoder = nn.Linear(dims * steps, 2)
decoder = nn.Linear(dims + 2, dims)
optimizer = torch.optim.Adam(list(encoder.parameters()) + list(decoder.parameters()), lr=5e-4)
mse_train, nll_train = [], []
data = torch.randn(2, num_atoms, steps, dims)
optimizer.zero_grad()
logits = encoder(data.view(2, num_atoms, -1))
edges = F.gumbel_softmax(logits, tau=0.5)
inp = torch.cat([data[:, :, :-1, :], edges.unsqueeze(2).expand(-1, -1, steps - 1, -1)], -1)
output = data[:, :, :-1, :] + decoder(inp)
target = data[:, :, 1:, :]
loss_nll = ((output - target) ** 2 / (2 * 5e-5)).sum() / (target.size(0) * target.size(1))
prob = F.softmax(logits, -1)
loss_kl = (prob * torch.log(prob + 1e-16)).sum() / (num_atoms * 2)
(loss_nll + loss_kl).backward()
optimizer.step()
mse_train.append(F.mse_loss(output, target).data[0])
nll_train.append(loss_nll.data[0])
