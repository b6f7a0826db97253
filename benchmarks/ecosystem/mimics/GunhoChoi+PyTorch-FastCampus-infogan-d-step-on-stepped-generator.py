# report: https://github.com/GunhoChoi/PyTorch-FastCampus/blob/1e9ba63e9ccffa28637f9c441d6d5faf35696268/09_GAN/2_InfoGAN/infogan_onlycat.ipynb
# family: gan-step
# expect: 32 33
# runtime: raises RuntimeError: modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)
generator = nn.Sequential(nn.Linear(6, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 8), nn.Tanh())
body = nn.Sequential(nn.Linear(8, 8), nn.LeakyReLU())
head = nn.Sequential(nn.Linear(8, 1), nn.Sigmoid())
discriminator = nn.ModuleList([body, head])
gan_loss_func = nn.BCELoss()
gen_optim = torch.optim.Adam(generator.parameters(), lr=1e-3)
dis_optim = torch.optim.Adam(discriminator.parameters(), lr=1e-3)
ones_label = torch.ones(4, 1)
zeros_label = torch.zeros(4, 1)

for image in [torch.rand(4, 8)]:
    for k in range(2):
        z = torch.rand(4, 6)
        gen_optim.zero_grad()
        gen_fake = generator(z)
        dis_fake = head(body(gen_fake))
        gen_loss = torch.sum(gan_loss_func(dis_fake, ones_label))
        gen_loss.backward(retain_graph=True)
        gen_optim.step()  # updates the generator weights its retained graph saved

    dis_optim.zero_grad()
    dis_real = head(body(image))
    # dis_fake is the last generator step's output, not detached, not recomputed
    dis_loss = torch.sum(gan_loss_func(dis_fake, zeros_label)) + torch.sum(gan_loss_func(dis_real, ones_label))
    dis_loss.backward()
    dis_optim.step()
