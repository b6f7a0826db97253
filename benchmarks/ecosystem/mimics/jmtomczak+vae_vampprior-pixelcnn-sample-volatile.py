# report: https://github.com/jmtomczak/vae_vampprior/blob/bb6ff3e58036adbea448e82d7bc55593d605b52c/models/PixelHVAE_2level.py#L210
# family: removed-api
# expect: 24
# runtime: asserts Variable(x_zeros, volatile=True) is ignored (warns): every pixel step of the PixelCNN sampling records a graph through the decoder and the latent samples
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
dec = nn.Conv2d(1 + 2, 1, 3, padding=1)
z1 = torch.randn(2, 2, requires_grad=True)  # drawn from the model's prior networks


def p_x(x, z):
    return torch.sigmoid(dec(torch.cat([x, z.view(2, 2, 1, 1).expand(2, 2, 3, 3)], 1)))


x_zeros, graphs = torch.zeros(2, 1, 3, 3), []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for i in range(3):
        for j in range(3):
            samples_mean = p_x(Variable(x_zeros, volatile=True), z1)
            graphs.append(samples_mean.grad_fn is not None)
            probs = samples_mean[:, :, i, j].data
            x_zeros[:, :, i, j] = torch.bernoulli(probs).float()
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
