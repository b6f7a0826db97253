# report: https://github.com/Animadversio/GAN-Geometry/issues/4
# family: non-scalar-backward
# expect: 17
# runtime: raises RuntimeError: grad can be implicitly created only for scalar outputs
import torch
import torch.nn as nn

torch.manual_seed(0)
generator = nn.Sequential(nn.Linear(6, 16), nn.Tanh(), nn.Linear(16, 12))
objective = nn.Sequential(nn.Linear(12, 4), nn.ReLU())


def activation_gradient(latent, eps=1e-2):
    perturb_vecs = (latent + eps * torch.randn_like(latent)).requires_grad_()
    img = generator(perturb_vecs)
    activs = objective(img)
    ftgrad = torch.autograd.grad(activs, perturb_vecs)[0]
    return ftgrad


latent = torch.randn(3, 6)
grad = activation_gradient(latent)
