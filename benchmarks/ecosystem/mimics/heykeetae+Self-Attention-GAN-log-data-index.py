# report: https://github.com/heykeetae/Self-Attention-GAN/blob/8714a54ba5027d680190791ba3a6bb08f9c9a129/trainer.py#L176
# family: removed-api
# expect: 13
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
D = nn.Linear(4, 1)
gamma = nn.Parameter(torch.zeros(1))
d_out_real = D(torch.randn(6, 4)).squeeze()
d_loss_real = torch.nn.ReLU()(1.0 - d_out_real).mean()
print("d_out_real: {:.4f}, ave_gamma: {:.4f}".format(d_loss_real.data[0], gamma.mean().data[0]))
