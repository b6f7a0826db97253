# report: https://github.com/jonad/AnoGan-Pytorch/blob/a69087bcf054235f1124ed2b246d7e49b5680bfa/scripts/train.py#L20
# family: removed-api
# expect: 21
# runtime: raises RuntimeError: Found dtype Long but expected Float
import torch
import torch.nn as nn

real_label, fake_label = 1, 0
torch.manual_seed(0)
D = nn.Sequential(nn.Conv2d(1, 4, 4, 2, 1), nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(64, 1), nn.Sigmoid())
criterion = nn.BCELoss()
optimizer_d = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))


def train_discriminator(data, label):
    error = criterion(D(data).view(-1), label)
    error.backward()
    return error


D.zero_grad()
label = torch.full((3,), real_label)
err_real = train_discriminator(torch.rand(3, 1, 8, 8), label)
optimizer_d.step()
