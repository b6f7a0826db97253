# report: https://github.com/PacktPublishing/Deep-Learning-with-PyTorch/blob/7d2f9a92dafb5973070276db2c5453c1247e71e0/Chapter07/StyleTransfer/Style%20transfer.ipynb
# family: removed-api
# expect: 23
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
features = nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU())
for p in features.parameters():
    p.requires_grad = False
target = features(torch.rand(1, 3, 6, 6)).detach()
opt_img = torch.rand(1, 3, 6, 6).requires_grad_()
optimizer = torch.optim.LBFGS([opt_img], max_iter=2)
n_iter = [0]


def closure():
    optimizer.zero_grad()
    loss = nn.MSELoss()(features(opt_img), target)
    loss.backward()
    n_iter[0] += 1
    print("Iteration: %d, loss: %f" % (n_iter[0], loss.data[0]))
    return loss


optimizer.step(closure)
