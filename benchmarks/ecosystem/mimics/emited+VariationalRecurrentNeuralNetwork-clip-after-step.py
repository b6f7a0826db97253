# report: https://github.com/emited/VariationalRecurrentNeuralNetwork/blob/0f23c87d11597ecf50ecbbf1dd37429861fd7aca/train.py#L33
# family: optimizer-misuse
# expect: 27
# runtime: asserts clip_grad_norm_ runs after optimizer.step(): the step already used the unclipped gradient
import copy
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(28, 16), nn.ReLU(), nn.Linear(16, 28), nn.Sigmoid())
ref = copy.deepcopy(net)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
ref_opt = torch.optim.SGD(ref.parameters(), lr=0.1)
clip = 0.01
x = torch.rand(8, 28)


def nll(model):
    theta = model(x)
    return -torch.sum(x * torch.log(theta + 1e-7) + (1 - x) * torch.log(1 - theta + 1e-7))


opt.zero_grad()
loss = nll(net)
loss.backward()
opt.step()
nn.utils.clip_grad_norm_(net.parameters(), clip)

ref_opt.zero_grad()
nll(ref).backward()
ref_opt.step()  # plain step, no clipping at all

for p, q in zip(net.parameters(), ref.parameters()):
    assert torch.allclose(p, q)  # the "clipped" run took the exact unclipped step
