# report: https://github.com/pytorch/pytorch/issues/12627
# family: grad-missing
# expect: 17 21
# runtime: raises AttributeError: 'NoneType' object has no attribute 'sign'
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
device = torch.device("cpu")
model = nn.Sequential(nn.Flatten(), nn.Linear(16, 10)).to(device).eval()


def fgsm(model, images, labels, eps=0.03):
    images.requires_grad = True
    images, labels = images.to(device).float(), labels.to(device)
    loss = F.cross_entropy(model(images), labels)
    model.zero_grad()
    loss.backward()
    adv = images + eps * images.grad.sign()
    return adv.clamp(0, 1).detach()


batch = torch.from_numpy(np.random.default_rng(0).random((4, 1, 4, 4)))
labels = torch.tensor([1, 7, 3, 0])
adv_images = fgsm(model, batch, labels)
