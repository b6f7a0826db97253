# report: https://github.com/DeepLearningDTU/02456-deep-learning-with-PyTorch/blob/9f4f39095387a36c51e110d24d5ac4f9d2f7b6ef/3_Feedforward_PyTorch/3.4-EXE-FFN-MNIST.ipynb
# family: graph-kept
# expect: 33
# runtime: asserts the per-epoch loss sums keep every batch's autograd graph alive for the whole run
import torch
import torch.nn as nn
import torch.nn.functional as F


def count_nodes(fn):
    seen, stack = set(), [fn]
    while stack:
        node = stack.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        stack.extend(next_fn for next_fn, _ in node.next_functions)
    return len(seen)


torch.manual_seed(0)
net = nn.Sequential(nn.Linear(8, 6), nn.ELU(), nn.Linear(6, 3))
optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
x, t = torch.randn(20, 8), torch.randint(0, 3, (20,))
losses = []
for epoch in range(3):
    cur_loss = 0
    for i in range(4):
        optimizer.zero_grad()
        batch_loss = F.cross_entropy(net(x[i * 5:(i + 1) * 5]), t[i * 5:(i + 1) * 5])
        batch_loss.backward()
        optimizer.step()
        cur_loss += batch_loss
    losses.append(cur_loss / 5)

assert all(l.requires_grad for l in losses)  # stored values still carry graphs
one_batch = count_nodes(F.cross_entropy(net(x[:5]), t[:5]).grad_fn)
assert count_nodes(losses[0].grad_fn) > 3 * one_batch  # epoch 0's four batch graphs are all still alive
