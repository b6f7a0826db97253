# report: https://github.com/cyoon1729/Policy-Gradient-Methods/blob/c003fc7f624c31cc8e9ab304f6a6947c9f440214/a3c/worker.py#L76
# family: optimizer-misuse
# expect: 23
# runtime: asserts the worker's gradients are never zeroed: zero_grad on the global net drops its alias instead of zeroing it
import torch
import torch.nn as nn

torch.manual_seed(0)
shared = nn.Linear(4, 2)
worker = nn.Linear(4, 2)
worker.load_state_dict(shared.state_dict())
shared_opt = torch.optim.SGD(shared.parameters(), lr=0.0)  # lr 0: same weights, comparable gradients
states = torch.randn(6, 4)


def episode_loss(net):
    return net(states).pow(2).sum()


pushed = []
for episode in range(3):
    loss = episode_loss(worker)
    shared_opt.zero_grad()
    loss.backward()
    for wp, sp in zip(worker.parameters(), shared.parameters()):
        sp._grad = wp._grad
    shared_opt.step()
    pushed.append(shared.weight.grad.clone())
    worker.load_state_dict(shared.state_dict())

# identical losses, yet the pushed gradient is 1x, 2x, 3x the first one
assert torch.allclose(pushed[2], 3 * pushed[0])
