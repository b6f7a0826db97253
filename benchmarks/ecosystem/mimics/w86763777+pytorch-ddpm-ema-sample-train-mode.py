# report: https://github.com/w86763777/pytorch-ddpm/blob/f804ccbd58a758b07f79a3b9ecdfb1beb67258f6/main.py#L166
# family: module-misuse
# expect: 38
# runtime: asserts the EMA model samples with dropout active (train mode): two samples from the same x_T differ
import copy
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
net_model = nn.Sequential(nn.Linear(6, 32), nn.SiLU(), nn.Dropout(0.1), nn.Linear(32, 6))
ema_model = copy.deepcopy(net_model)
optim = torch.optim.Adam(net_model.parameters(), lr=2e-4)


def ema(source, target, decay):
    sd, td = source.state_dict(), target.state_dict()
    for key in sd.keys():
        td[key].data.copy_(td[key].data * decay + sd[key].data * (1 - decay))


def ema_sampler(x_T):
    x = x_T
    for _ in range(5):
        x = x - 0.1 * ema_model(x)
    return x


x_T = torch.randn(4, 6)
for step in range(3):
    optim.zero_grad()
    x_0 = torch.randn(8, 6)
    loss = F.mse_loss(net_model(x_0), torch.randn_like(x_0))
    loss.backward()
    optim.step()
    ema(net_model, ema_model, 0.9999)
    if step == 2:
        net_model.eval()  # the model actually used for sampling is ema_model
        with torch.no_grad():
            s1 = ema_sampler(x_T)
            s2 = ema_sampler(x_T)
        net_model.train()

assert ema_model.training
assert not torch.allclose(s1, s2)
print("EMA samples are stochastic: dropout active while sampling")
