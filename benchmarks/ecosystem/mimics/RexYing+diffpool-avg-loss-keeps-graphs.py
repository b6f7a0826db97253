# report: https://github.com/RexYing/diffpool/blob/8dfb97cf60c2376ac804761837b9966f1d302acb/train.py#L217
# family: graph-kept
# expect: 34
# runtime: asserts avg_loss += loss chains every batch's autograd graph for the whole epoch (no .item())
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
model = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 2))
optimizer = torch.optim.Adam(filter(lambda p: p.requires_grad, model.parameters()), lr=0.001)
batches = [(torch.randn(4, 6), torch.randint(0, 2, (4,))) for _ in range(5)]
avg_loss = 0.0
model.train()
for batch_idx, (h0, label) in enumerate(batches):
    model.zero_grad()
    ypred = model(h0)
    loss = F.cross_entropy(ypred, label, reduction="mean")
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 2.0)
    optimizer.step()
    avg_loss += loss
avg_loss /= batch_idx + 1
assert avg_loss.requires_grad
single = count_nodes(F.cross_entropy(model(batches[0][0]), batches[0][1]).grad_fn)
assert count_nodes(avg_loss.grad_fn) > 4 * single
