# report: https://github.com/Kaixhin/NoisyNet-A3C/blob/a740cab149e757e3f5b2552d6f374c9eb742f497/train.py#L107
# family: optimizer-misuse
# expect: 35
# runtime: asserts the worker's .grad is never zeroed: zero_grad(set_to_none) on the shared params only drops the alias, so each update sends the running sum of all rollouts' gradients
import torch
import torch.nn as nn


class RMSNoMomentum(torch.optim.RMSprop):
    def __init__(self, params, lr):
        super().__init__(params, lr=lr, alpha=0.99, eps=1e-8)


def push_grads(local, shared):
    for p, sp in zip(local.parameters(), shared.parameters()):
        if sp.grad is not None:
            return
        sp._grad = p.grad


torch.manual_seed(0)
shared = nn.Sequential(nn.Linear(5, 8), nn.Tanh(), nn.Linear(8, 3))
shared.share_memory()
worker = nn.Sequential(nn.Linear(5, 8), nn.Tanh(), nn.Linear(8, 3))
opt = RMSNoMomentum(shared.parameters(), lr=0.0)  # lr 0: every rollout gives the same gradient

obs = torch.randn(6, 5)
acts = torch.tensor([[0], [1], [2], [1], [0], [2]])
adv = torch.randn(6, 1)
pushed = []
for it in range(3):
    worker.load_state_dict(shared.state_dict())
    logp = torch.log_softmax(worker(obs), dim=1).gather(1, acts)
    loss = (-logp * adv).sum()
    opt.zero_grad()  # meant to zero shared AND local grads
    loss.backward()
    push_grads(worker, shared)
    opt.step()
    pushed.append(shared[2].weight.grad.clone())

print([round(g.norm().item(), 4) for g in pushed])
assert torch.allclose(pushed[2], 3 * pushed[0])
