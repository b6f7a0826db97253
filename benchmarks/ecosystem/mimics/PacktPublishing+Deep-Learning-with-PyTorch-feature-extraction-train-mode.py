# report: https://github.com/PacktPublishing/Deep-Learning-with-PyTorch/blob/7d2f9a92dafb5973070276db2c5453c1247e71e0/Chapter08/DogsandCatsUsingResnet.ipynb
# family: module-misuse
# expect: 24
# runtime: asserts the pretrained backbone extracts features in training mode: an image's stored feature depends on the other images of its batch, and the pretrained BatchNorm running statistics are overwritten
import torch
import torch.nn as nn

torch.manual_seed(0)
my_resnet = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(inplace=True),
                          nn.AdaptiveAvgPool2d(1), nn.Linear(4, 4))
m = nn.Sequential(*list(my_resnet.children())[:-1])
with torch.no_grad():
    m[1].running_mean.fill_(0.5)
    m[1].running_var.fill_(2.0)
pretrained_stats = m[1].running_mean.clone()

image = torch.randn(1, 3, 8, 8)
cats = torch.cat([image, torch.randn(3, 3, 8, 8)])  # shuffle=False: batches hold one class each
dogs = torch.cat([image, torch.randn(3, 3, 8, 8) + 1.0])
train_loader = [(cats, torch.zeros(4)), (dogs, torch.ones(4))]

trn_features = []
for d, la in train_loader:
    o = m(d)
    o = o.view(o.size(0), -1)
    trn_features.extend(o.cpu().data)

assert not torch.allclose(trn_features[0], trn_features[4])  # same image, two different features
assert not torch.equal(pretrained_stats, m[1].running_mean)
