# report: https://github.com/Coderx7/A-Quick-and-Simple-Pytorch-Tutorial/blob/19327e82a083665d05f2d60fb190f868d4ac5d0e/autoencoders.py#L262
# family: module-misuse
# expect: 26
# runtime: asserts the BatchNorm autoencoder is run for test images in training mode: running stats move and the output of an image depends on the rest of the batch
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


def conv_bn(in_, out_, k=3, s=2):
    return nn.Sequential(nn.Conv2d(in_, out_, k, s, bias=False), nn.BatchNorm2d(out_))


model = nn.Sequential(conv_bn(1, 4, 3, 1), nn.ReLU(), conv_bn(4, 8, 3, 2), nn.ReLU(),
                      nn.ConvTranspose2d(8, 1, 4, 2), nn.Sigmoid())
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
for _ in range(2):
    x = torch.rand(6, 1, 9, 9)
    loss = F.mse_loss(model(x), x[:, :, :8, :8])
    opt.zero_grad(); loss.backward(); opt.step()

test_imgs = torch.rand(6, 1, 9, 9) * 3
before = model[0][1].running_mean.clone()
outputs = model(test_imgs)
assert model.training
assert not torch.equal(before, model[0][1].running_mean)
alone = model(test_imgs[:1])
assert not torch.allclose(alone, outputs[:1], atol=1e-5)
