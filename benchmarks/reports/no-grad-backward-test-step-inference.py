# report: https://github.com/Lightning-AI/pytorch-lightning/issues/19910
# family: no-grad-backward
# expect: 22 29
# runtime: raises RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class AdaptiveModule(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 1))
        self.opt = torch.optim.SGD(self.net.parameters(), lr=0.01)

    def test_step(self, batch):
        x, y = batch
        loss = F.mse_loss(self.net(x), y)
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.detach()


def run_test(module, loader):
    module.eval()
    with torch.inference_mode():
        return [module.test_step(batch) for batch in loader]


loader = [(torch.randn(4, 4), torch.randn(4, 1)) for _ in range(2)]
run_test(AdaptiveModule(), loader)
