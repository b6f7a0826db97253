# report: https://github.com/jcwleo/curiosity-driven-exploration-pytorch/blob/d919ccac7f09462807c4c577893c129e2f649114/model.py#L186
# family: module-misuse
# expect: 15
# runtime: asserts the residual blocks of the forward model, kept in a plain list, are not parameters of the ICM: the optimizer never updates them
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class ICM(nn.Module):
    def __init__(self, feat=6, n_act=3):
        super().__init__()
        self.residual = [nn.Sequential(nn.Linear(n_act + feat, feat), nn.LeakyReLU(), nn.Linear(feat, feat))] * 8
        self.forward_net_1 = nn.Sequential(nn.Linear(n_act + feat, feat), nn.LeakyReLU())
        self.forward_net_2 = nn.Linear(n_act + feat, feat)

    def forward(self, phi, action):
        h = self.forward_net_1(torch.cat((phi, action), 1))
        for i in range(4):
            r = self.residual[i * 2](torch.cat((h, action), 1))
            h = self.residual[i * 2 + 1](torch.cat((r, action), 1)) + h
        return self.forward_net_2(torch.cat((h, action), 1))


icm = ICM()
optimizer = torch.optim.Adam(icm.parameters(), lr=1e-2)
phi, target = torch.randn(5, 6), torch.randn(5, 6)
action = F.one_hot(torch.tensor([0, 1, 2, 0, 1]), 3).float()
before = icm.residual[0][0].weight.detach().clone()
optimizer.zero_grad()
loss = F.mse_loss(icm(phi, action), target)
loss.backward()
optimizer.step()
assert icm.residual[0][0].weight.grad is not None
assert torch.equal(icm.residual[0][0].weight.detach(), before)
assert not any(k.startswith("residual") for k in icm.state_dict())
