# report: https://github.com/grantsrb/PyTorch-A2C/blob/3d0cfaa4dc890edb56cfdd88060c2a6fd1f7136a/a2c/updater.py#L223
# family: optimizer-misuse
# expect: 21
# runtime: asserts the decayed lr never takes effect: load_state_dict of the old optimizer's state restores the old lr into the new optimizer's param_groups
import torch
import torch.nn as nn
import torch.optim as optim


class Updater:
    def __init__(self, net, hyps):
        self.net = net
        self.hyps = hyps
        self.optim = self.new_optim(hyps['lr'])

    def new_optim(self, lr):
        return getattr(optim, self.hyps['optim_type'])(self.net.parameters(), lr=lr)

    def new_lr(self, new_lr):
        new_optim = self.new_optim(new_lr)
        new_optim.load_state_dict(self.optim.state_dict())
        self.optim = new_optim


torch.manual_seed(0)
net = nn.Linear(3, 1)
updater = Updater(net, {'lr': 1e-3, 'optim_type': 'Adam'})
net(torch.randn(4, 3)).pow(2).mean().backward()
updater.optim.step()
updater.optim.zero_grad()
for T in (1000, 2000, 3000):
    decay_factor = max(1 - T / 4000, 0)
    updater.new_lr(decay_factor * (1e-3 - 1e-5) + 1e-5)
assert updater.optim.param_groups[0]['lr'] == 1e-3
