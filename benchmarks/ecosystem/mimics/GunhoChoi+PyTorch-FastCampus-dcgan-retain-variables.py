# report: https://github.com/GunhoChoi/PyTorch-FastCampus/blob/1e9ba63e9ccffa28637f9c441d6d5faf35696268/09_GAN/1_DCGAN/DCGAN.ipynb
# family: removed-api
# expect: 20
# runtime: raises TypeError: retain_variables
import torch
import torch.nn as nn
import torch.nn.init as init
from torch.autograd import Variable

torch.manual_seed(0)
batch_size = 4
generator = nn.Sequential(nn.Linear(6, 8), nn.Tanh())
discriminator = nn.Sequential(nn.Linear(8, 1), nn.Sigmoid())
loss_func = nn.MSELoss()
gen_optim = torch.optim.Adam(generator.parameters(), lr=1e-3, betas=(0.5, 0.999))
ones_label = Variable(torch.ones(batch_size, 1))
gen_optim.zero_grad()
z = Variable(init.normal_(torch.Tensor(batch_size, 6), mean=0, std=0.1))
gen_loss = torch.sum(loss_func(discriminator(generator(z)), ones_label))
gen_loss.backward(retain_variables=True)
gen_optim.step()
