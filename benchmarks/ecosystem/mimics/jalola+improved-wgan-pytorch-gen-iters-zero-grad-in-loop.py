# report: https://github.com/jalola/improved-wgan-pytorch/blob/5bb0b729809152d9129ef72a9dd28b3ff83021a2/train.py#L136
# family: optimizer-misuse
# expect: 21 28
# runtime: asserts with gen_iters=2 the generator step sees only the last iteration's gradient (zero_grad inside the loop, one step after it)
import torch
import torch.nn as nn

torch.manual_seed(0)
aG = nn.Sequential(nn.Linear(4, 6), nn.Tanh())
aD = nn.Linear(6, 1)
optimizer_g = torch.optim.SGD(aG.parameters(), lr=0.1)
mone = torch.tensor(-1.0)
gen_iters = 2
noises = [torch.randn(5, 4) for _ in range(gen_iters)]
for p in aD.parameters():
    p.requires_grad_(False)

start = {k: v.clone() for k, v in aG.state_dict().items()}
before = aG[0].weight.detach().clone()
for i in range(gen_iters):
    aG.zero_grad()
    noise = noises[i]
    noise.requires_grad_(True)
    fake_data = aG(noise)
    gen_cost = aD(fake_data).mean()
    gen_cost.backward(mone)
    gen_cost = -gen_cost
optimizer_g.step()
moved = before - aG[0].weight.detach()

# what the G update should be: each of the gen_iters batches contributes
aG.load_state_dict(start)
aG.zero_grad()
for n in noises:
    (-aD(aG(n)).mean()).backward()
all_batches = aG[0].weight.grad.clone()
aG.zero_grad()
(-aD(aG(noises[-1])).mean()).backward()
last_only = aG[0].weight.grad.clone()

assert torch.allclose(moved, 0.1 * last_only, atol=1e-6)  # only the last batch's gradient was applied
assert not torch.allclose(moved, 0.1 * all_batches, atol=1e-6)  # the first batch's gradient was wiped
