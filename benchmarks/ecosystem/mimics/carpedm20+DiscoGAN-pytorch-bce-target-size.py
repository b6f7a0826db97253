# report: https://github.com/carpedm20/DiscoGAN-pytorch/blob/ab3b7dc66e636f6019e262931a35c5674f894db4/trainer.py#L200
# family: removed-api
# expect: 23
# runtime: raises ValueError: Using a target size
import torch
import torch.nn as nn

torch.manual_seed(0)
batch_size = 4
# the repo's DiscriminatorCNN ends in a 4x4 conv and returns out.view(out.size(0), -1): shape (B, 1)
D_A = nn.Sequential(nn.Conv2d(3, 8, 4, 2, 1), nn.LeakyReLU(0.2, True), nn.Conv2d(8, 1, 4, 1, 0), nn.Sigmoid())
bce = nn.BCELoss()
real_tensor = torch.FloatTensor(batch_size)
real_tensor.data.fill_(1)
x_A = torch.randn(batch_size, 3, 8, 8)


def D(x):
    out = D_A(x)
    return out.view(out.size(0), -1)


l_d_A_real = bce(D(x_A), real_tensor)  # input (B, 1) against target (B,)
l_d_A_real.backward()
