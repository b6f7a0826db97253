# report: https://github.com/Coderx7/A-Quick-and-Simple-Pytorch-Tutorial/blob/19327e82a083665d05f2d60fb190f868d4ac5d0e/autoencoders.py#L2252
# family: grad-missing
# expect: 17
# runtime: raises RuntimeError: can't retain_grad on Tensor that has requires_grad=False
import torch
import torch.nn as nn

torch.manual_seed(0)
encoder = nn.Sequential(nn.Flatten(), nn.Linear(16, 6), nn.Sigmoid())
decoder = nn.Sequential(nn.Linear(6, 16), nn.Sigmoid(), nn.Unflatten(1, (1, 4, 4)))
optimizer = torch.optim.Adam(list(encoder.parameters()) + list(decoder.parameters()), lr=1e-3)
loader = [(torch.rand(5, 1, 4, 4), torch.zeros(5))]

for imgs, labels in loader:
    # the batch comes out of the loader as a plain leaf tensor;
    # retain_grad is asked before requires_grad is switched on
    imgs.retain_grad()
    imgs.requires_grad_(True)
    code = encoder(imgs)
    out = decoder(code)
    loss = nn.functional.mse_loss(out, imgs.detach())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
