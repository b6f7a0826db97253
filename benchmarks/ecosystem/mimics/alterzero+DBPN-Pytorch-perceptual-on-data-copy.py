# report: https://github.com/alterzero/DBPN-Pytorch/blob/6eb48caaa1aa6f4897d5c902a4b4f15ff3ac2da7/main_gan.py#L147
# family: grad-missing
# expect: 24
# runtime: asserts the perceptual and style losses give the generator no gradient: the SR image is re-wrapped from .data before the feature extractor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.PReLU(), nn.ConvTranspose2d(8, 3, 4, stride=2, padding=1))
feature_extractor = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU())
MSE_loss = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)


def gram_matrix(x):
    a, b, c, d = x.size()
    f = x.view(a * b, c * d)
    return torch.mm(f, f.t()).div(a * b * c * d)


inp, target = torch.randn(2, 3, 4, 4), torch.randn(2, 3, 8, 8)
optimizer.zero_grad()
recon_image = model(inp)
x_VGG = Variable(target)
recon_VGG = Variable(recon_image.data)
real_feature = [feature_extractor(x_VGG)]
fake_feature = [feature_extractor(recon_VGG)]
vgg_loss = sum([MSE_loss(fake_feature[i], real_feature[i].detach()) for i in range(1)])
style_loss = sum([MSE_loss(gram_matrix(fake_feature[i]), gram_matrix(real_feature[i]).detach()) for i in range(1)])

# only these two terms are backpropagated: the generator receives nothing from them
(vgg_loss + style_loss).backward()
assert vgg_loss.item() > 0
assert all(p.grad is None for p in model.parameters())
# through the live output the same loss would train the generator
live = MSE_loss(feature_extractor(recon_image), real_feature[0].detach())
live.backward()
assert any(p.grad is not None and p.grad.abs().sum() > 0 for p in model.parameters())
