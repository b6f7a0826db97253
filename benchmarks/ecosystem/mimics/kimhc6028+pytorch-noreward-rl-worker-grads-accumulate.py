# report: https://github.com/kimhc6028/pytorch-noreward-rl/blob/b0cfb5b58509f2b1555671e18b9cee0230fc2a55/train.py#L157
# family: optimizer-misuse
# expect: 33
# runtime: asserts the worker's grads are never zeroed: optimizer.zero_grad() on the shared model sets the aliased .grad to None, so every push carries the sum of all previous rollouts' gradients
import torch
import torch.nn as nn


def ensure_shared_grads(model, shared_model):
    for param, shared_param in zip(model.parameters(), shared_model.parameters()):
        if shared_param.grad is not None:
            return
        shared_param._grad = param.grad


torch.manual_seed(0)
shared = nn.Linear(5, 4)
shared.share_memory()
local = nn.Linear(5, 4)
optimizer = torch.optim.Adam(shared.parameters(), lr=0.0)  # lr 0 keeps each rollout's loss identical
x = torch.randn(3, 5)
a = torch.tensor([[1], [0], [3]])
pushed = []
for it in range(3):
    local.load_state_dict(shared.state_dict())
    hx = local(x)
    value, logit = hx[:, :1], hx[:, 1:]
    log_prob = torch.log_softmax(logit, 1).gather(1, a.clamp(max=2))
    policy_loss = -(log_prob * 0.5).sum()
    value_loss = 0.5 * (1.0 - value).pow(2).sum()
    inverse_loss = (hx ** 2).mean()

    optimizer.zero_grad()
    (inverse_loss + policy_loss + 0.5 * value_loss).backward()
    ensure_shared_grads(local, shared)
    optimizer.step()
    pushed.append(shared.weight.grad.clone())

print([round(g.norm().item(), 4) for g in pushed])
assert torch.allclose(pushed[2], 3 * pushed[0])
