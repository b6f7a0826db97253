# report: https://github.com/Adenialzz/SimpleImageGeneration/blob/08359153d5d24d70dc912c93137ba8a0d02e1873/diffusion/ddpm/ddpm/ema.py#L14
# family: module-misuse
# expect: 20
# runtime: asserts ema_params = update_average(old, new) rebinds the loop variable: after ema_start the EMA model is never updated, and sampling (use_ema=True) keeps using stale weights
import copy
import torch
import torch.nn as nn


class EMA:
    def __init__(self, decay):
        self.decay = decay

    def update_average(self, old, new):
        return old * self.decay + (1 - self.decay) * new

    def update_model_average(self, ema_model, current_model):
        for ema_params, current_params in zip(ema_model.parameters(), current_model.parameters()):
            old, new = ema_params.data, current_params.data
            ema_params = self.update_average(old, new)


torch.manual_seed(0)
model = nn.Linear(4, 4)
ema_model = copy.deepcopy(model)
ema = EMA(0.9)
opt = torch.optim.Adam(model.parameters(), lr=0.1)
frozen = ema_model.weight.detach().clone()
for _ in range(5):
    loss = model(torch.randn(3, 4)).pow(2).mean()
    opt.zero_grad(); loss.backward(); opt.step()
    ema.update_model_average(ema_model, model)
assert torch.equal(ema_model.weight.detach(), frozen)
assert not torch.equal(model.weight.detach(), frozen)
