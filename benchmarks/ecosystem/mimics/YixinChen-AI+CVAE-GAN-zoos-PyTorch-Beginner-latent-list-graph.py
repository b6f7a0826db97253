# report: https://github.com/YixinChen-AI/CVAE-GAN-zoos-PyTorch-Beginner/blob/4b63ed0c03186e11d1d43330b40bd5388c7c9035/AE/AE_test.py#L77
# family: graph-kept
# expect: 16
# runtime: asserts every stored latent code keeps its batch's encoder graph alive (grad_fn, requires_grad) after the loop
import torch
import torch.nn as nn

torch.manual_seed(0)
encoder = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2))
batches = [(torch.randn(4, 8), torch.randint(0, 10, (4,))) for _ in range(5)]

pos = []
label = []
for i, (img, lab) in enumerate(batches):
    code = encoder(img)
    pos.append(code)
    label.append(lab)

assert all(c.grad_fn is not None for c in pos)  # five batches' graphs are still held by the list
pos = torch.cat(pos)
assert pos.requires_grad
points = pos.detach().numpy()
