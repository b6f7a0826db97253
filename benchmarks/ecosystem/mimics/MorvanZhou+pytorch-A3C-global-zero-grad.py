# report: https://github.com/MorvanZhou/pytorch-A3C/blob/5ab27abee2c3ac3ca921ac393bfcbda4e0a91745/utils.py#L40
# family: optimizer-misuse
# expect: 23
# runtime: asserts the local gradients are never zeroed: the global zero_grad sets the aliased .grad to None instead of zeroing it
import torch
import torch.nn as nn

torch.manual_seed(0)
global_net = nn.Linear(3, 1)
local_net = nn.Linear(3, 1)
local_net.load_state_dict(global_net.state_dict())
opt = torch.optim.SGD(global_net.parameters(), lr=0.0)  # lr 0 keeps the weights fixed, so the gradients compare

batch = torch.randn(5, 3)


def loss_of(net):
    return net(batch).pow(2).mean()


seen = []
for update in range(3):
    opt.zero_grad()
    loss_of(local_net).backward()
    for lp, gp in zip(local_net.parameters(), global_net.parameters()):
        gp._grad = lp.grad
    opt.step()
    seen.append(global_net.weight.grad.clone())
    local_net.load_state_dict(global_net.state_dict())

# the same loss each time, yet the gradient pushed to the global net grows: 1x, 2x, 3x
assert torch.allclose(seen[1], 2 * seen[0]) and torch.allclose(seen[2], 3 * seen[0])
