# report: https://github.com/jalola/improved-wgan-pytorch/blob/5bb0b729809152d9129ef72a9dd28b3ff83021a2/train.py#L218
# family: no-grad-misuse
# expect: 18 28
# runtime: asserts the no_grad blocks wrap only an assignment: the validation critic forward and generate_image's generator forward record autograd graphs
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
aG = nn.Sequential(nn.Linear(8, 12), nn.BatchNorm1d(12), nn.ReLU(), nn.Linear(12, 12), nn.Tanh())
aD = nn.Sequential(nn.Linear(12, 6), nn.ReLU(), nn.Linear(6, 1))
val_loader = [(torch.randn(4, 12), torch.zeros(4)) for _ in range(3)]

dev_disc_costs, graphs = [], []
for _, images in enumerate(val_loader):
    imgs = torch.Tensor(images[0])
    imgs = imgs.to("cpu")
    with torch.no_grad():
        imgs_v = imgs
    D = aD(imgs_v)
    graphs.append(D.grad_fn is not None)
    _dev_disc_cost = -D.mean().cpu().data.numpy()
    dev_disc_costs.append(_dev_disc_cost)
np.mean(dev_disc_costs)


def generate_image(netG, noise):
    with torch.no_grad():
        noisev = noise
    samples = netG(noisev)
    samples = samples.view(4, 3, 2, 2)
    return samples * 0.5 + 0.5


gen_images = generate_image(aG, torch.randn(4, 8))
assert all(graphs)  # every validation batch recorded a graph through the critic
assert gen_images.requires_grad and gen_images.grad_fn is not None  # samples carry a graph through G
