# report: https://github.com/YU1ut/MixMatch-pytorch/blob/cc7ef42cffe61288d06eec1428268b384674009a/train.py#L395
# family: detach-alias
# expect: 31
# runtime: asserts the custom weight decay walks state_dict() values, so it also shrinks the student's BatchNorm running_mean/running_var buffers in place
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 6), nn.BatchNorm1d(6, momentum=0.001), nn.ReLU(), nn.Linear(6, 3))
ema_model = nn.Sequential(nn.Linear(4, 6), nn.BatchNorm1d(6, momentum=0.001), nn.ReLU(), nn.Linear(6, 3))
for p in ema_model.parameters():
    p.detach_()
lr = 0.002
with torch.no_grad():
    model[1].running_var.fill_(4.0)
    model[1].running_mean.fill_(2.0)


class WeightEMA:
    def __init__(self, model, ema_model, alpha=0.999):
        self.alpha = alpha
        self.params = list(model.state_dict().values())
        self.ema_params = list(ema_model.state_dict().values())
        self.wd = 0.02 * lr

    def step(self):
        for param, ema_param in zip(self.params, self.ema_params):
            if ema_param.dtype == torch.float32:
                ema_param.mul_(self.alpha)
                ema_param.add_(param * (1.0 - self.alpha))
                param.mul_(1 - self.wd)


ema = WeightEMA(model, ema_model)
for step in range(50):
    ema.step()
assert model[1].running_var.max() < 4.0
assert model[1].running_mean.max() < 2.0
