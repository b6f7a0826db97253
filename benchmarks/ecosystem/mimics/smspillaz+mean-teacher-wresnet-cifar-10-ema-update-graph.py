# report: https://github.com/smspillaz/mean-teacher-wresnet-cifar-10/blob/31165b4071495278b92e10ccd599078a3bc6177a/train.py#L184
# family: graph-kept
# expect: 31 32
# runtime: asserts the teacher's EMA update runs with grad enabled: `param += (1 - beta) * student_param` turns each teacher parameter into a non-leaf with a grad_fn chained to every previous step, so the graph grows every iteration
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
student = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
teacher = copy.deepcopy(student)
for p in teacher.parameters():
    p.requires_grad_(False)
optimizer = torch.optim.SGD(student.parameters(), lr=0.1, momentum=0.9)


def chain_depth(t):
    depth, fn = 0, t.grad_fn
    while fn is not None:
        depth += 1
        nxt = [f for f, _ in fn.next_functions if f is not None and type(f).__name__ != "AccumulateGrad"]
        fn = nxt[0] if nxt else None
    return depth


def update(step, ema=0.999):
    beta = min(1 - 1 / (step + 1), ema)
    for param, new_param in zip(teacher.parameters(), student.parameters()):
        param *= beta
        param += (1 - beta) * new_param


depths = []
for step in range(5):
    x = torch.randn(6, 4)
    y = torch.randint(0, 3, (6,))
    optimizer.zero_grad()
    out = student(x)
    consistency = F.mse_loss(F.softmax(out, 1), F.softmax(teacher(x), 1).detach())
    (F.cross_entropy(out, y) + consistency).backward()
    optimizer.step()
    update(step)
    depths.append(chain_depth(teacher[0].weight))

w = teacher[0].weight
assert w.requires_grad and w.grad_fn is not None and not w.is_leaf
assert depths == sorted(depths) and depths[-1] > depths[0]  # the chain grows by one step each iteration
