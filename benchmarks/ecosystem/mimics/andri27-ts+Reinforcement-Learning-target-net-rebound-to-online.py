# report: https://github.com/andri27-ts/Reinforcement-Learning/blob/c57064f747f51d1c495639c7413f5a2be01acd5f/Week3/central_control.py#L55
# family: module-misuse
# expect: 18
# runtime: asserts the target network moves with every optimizer step: update_target rebinds target_nn to the online network after loading its weights
import torch
import torch.nn as nn


class Control:
    def __init__(self):
        torch.manual_seed(0)
        self.target_nn = nn.Linear(4, 2)
        self.moving_nn = nn.Linear(4, 2)
        self.optimizer = torch.optim.SGD(self.moving_nn.parameters(), lr=0.5)

    def update_target(self):
        self.target_nn.load_state_dict(self.moving_nn.state_dict())
        self.target_nn = self.moving_nn

    def optimize(self, s, a, r, s2):
        self.optimizer.zero_grad()
        q = self.moving_nn(s).gather(1, a[:, None]).squeeze(-1)
        nxt = self.target_nn(s2).max(1)[0].detach()
        loss = nn.MSELoss()(q, r + 0.99 * nxt)
        loss.backward()
        self.optimizer.step()


cc = Control()
cc.update_target()
s, s2 = torch.randn(8, 4), torch.randn(8, 4)
a, r = torch.randint(0, 2, (8,)), torch.randn(8)
before = cc.target_nn(s2).detach().clone()
cc.optimize(s, a, r, s2)
after = cc.target_nn(s2).detach()
# a frozen target would give the same values until the next sync
assert cc.target_nn is cc.moving_nn
assert not torch.allclose(before, after)
