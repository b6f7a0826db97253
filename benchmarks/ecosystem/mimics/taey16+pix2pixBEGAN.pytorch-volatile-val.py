# report: https://github.com/taey16/pix2pixBEGAN.pytorch/blob/2f17b7918a6c0e8e7cc28fe2710af49dea5a8a61/main_pix2pixBEGAN.py#L238
# family: removed-api
# expect: 21
# runtime: asserts volatile=True is ignored: validation generator outputs record an autograd graph
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
netG = nn.Sequential(nn.Conv2d(3, 8, 3, 1, 1), nn.BatchNorm2d(8), nn.ReLU(), nn.Conv2d(8, 3, 3, 1, 1), nn.Tanh())
netG.train()
val_input = torch.randn(3, 3, 8, 8)
val_batch_output = torch.zeros(3, 3, 8, 8)
has_graph = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for idx in range(val_input.size(0)):
        single_img = val_input[idx].unsqueeze(0)
        # meant as no-grad inference in the middle of training
        val_inputv = Variable(single_img, volatile=True)
        x_hat_val = netG(val_inputv)
        has_graph.append(x_hat_val.requires_grad and x_hat_val.grad_fn is not None)
        val_batch_output[idx].copy_(x_hat_val.data.squeeze(0))
assert any("volatile" in str(w.message) for w in caught)
assert all(has_graph)
print("volatile ignored; graphs built:", has_graph)
