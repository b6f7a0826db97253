# report: https://github.com/harveyslash/Facial-Similarity-with-Siamese-Networks-in-Pytorch/blob/f4a5352e38a25dca8eae68bcef5aa3ac7bbcb270/Siamese-networks-medium.ipynb
# family: module-misuse
# expect: 36
# runtime: asserts the dissimilarity test runs the BatchNorm siamese net in train mode: each single test image is normalized by its own statistics and the running stats are overwritten
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
branch = nn.Sequential(
    nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(inplace=True), nn.BatchNorm2d(4),
    nn.Flatten(), nn.Linear(4 * 6 * 6, 5),
)
optimizer = torch.optim.Adam(branch.parameters(), lr=5e-4)


def contrastive(o1, o2, label, margin=2.0):
    d = F.pairwise_distance(o1, o2, keepdim=True)
    return torch.mean((1 - label) * d.pow(2) + label * torch.clamp(margin - d, min=0.0).pow(2))


for _ in range(5):
    a, b = torch.randn(8, 1, 6, 6), torch.randn(8, 1, 6, 6)
    label = torch.randint(0, 2, (8, 1)).float()
    optimizer.zero_grad()
    loss = contrastive(branch(a), branch(b), label)
    loss.backward()
    optimizer.step()

# test cell: no net.eval(), batch_size=1
bn = branch[2]
running_before = bn.running_mean.clone()
x0 = torch.randn(1, 1, 6, 6) * 3 + 1
x1 = torch.randn(1, 1, 6, 6) * 3 + 1
for _ in range(1):
    dist = F.pairwise_distance(branch(x0), branch(x1))
branch.eval()
with torch.no_grad():
    dist_eval = F.pairwise_distance(branch(x0), branch(x1))
assert not torch.allclose(running_before, bn.running_mean)  # test images leak into running stats
assert not torch.allclose(dist.detach(), dist_eval)  # the reported dissimilarity differs from eval mode
