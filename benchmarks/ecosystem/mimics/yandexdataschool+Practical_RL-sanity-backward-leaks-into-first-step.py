# report: https://github.com/yandexdataschool/Practical_RL/blob/6f7fa8bc521af3d6bb47833c4670f44740f26aa6/week07_seq2seq/practice_torch.ipynb
# family: optimizer-misuse
# expect: 19
# runtime: asserts the gradient of the sanity-check backward stays in .grad and the first training step (backward, step, zero_grad) applies it on top of the first batch's gradient
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(10, 6), nn.Flatten(), nn.Linear(18, 10))
batches = [(torch.randint(0, 10, (4, 3)), torch.randint(0, 10, (4,))) for _ in range(3)]


def compute_loss_on_batch(x, y):
    return F.cross_entropy(model(x), y)


test_loss = compute_loss_on_batch(*batches[0])
test_loss.backward()
assert all(p.grad is not None and p.grad.abs().max() > 0 for p in model.parameters())
leftover = model[2].weight.grad.clone()

opt = torch.optim.SGD(model.parameters(), lr=0.1)
fresh = torch.autograd.grad(compute_loss_on_batch(*batches[1]), model[2].weight)[0]
for i in range(1, 3):
    loss = compute_loss_on_batch(*batches[i])
    loss.backward()
    if i == 1:
        used = model[2].weight.grad.clone()
    opt.step()
    opt.zero_grad()
assert torch.allclose(used, fresh + leftover, atol=1e-6)
