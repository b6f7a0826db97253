# report: https://github.com/rarilurelo/pytorch_a3c/blob/83c7534d953590f33367c56fe0e1d599c91a7468/run_a3c.py#L101
# family: removed-api
# expect: 23
# runtime: raises RuntimeError: Mismatch in shape: grad_output[0] has a shape of torch.Size([1]) and output[0] has a shape of torch.Size([])
import torch
import torch.autograd as autograd
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
net = nn.Linear(5, 4)
acts, ents, vl = [], 0, 0
for _ in range(3):
    out = net(torch.randn(1, 5))
    p, v = F.softmax(out[:, :3], dim=1), out[:, 3]
    acts.append(p.multinomial(1))
    ents = ents - (p * p.log()).sum()
    vl = vl + F.mse_loss(v, torch.tensor([1.0]))
loss = vl * 0.25 - 0.01 * ents  # 0-dim now, was shape (1,)
# old stochastic-node backward: loss plus the sampled actions
final_node = [loss] + acts
grads = [torch.ones(1)] + [None] * len(acts)
autograd.backward(final_node, grads)
