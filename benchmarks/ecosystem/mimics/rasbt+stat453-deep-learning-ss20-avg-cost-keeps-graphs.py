# report: https://github.com/rasbt/stat453-deep-learning-ss20/blob/61534929fe671b30e751733577d0c2b5d4898669/L07-logistic/code/softmax-regression-mnist.ipynb
# family: graph-kept
# expect: 33
# runtime: asserts the running avg_cost tensor carries every minibatch graph of the epoch
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
model = nn.Sequential(nn.Linear(20, 10))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
batches = [(torch.randn(4, 20), torch.randint(0, 10, (4,))) for _ in range(6)]
epoch_costs = []
for epoch in range(2):
    avg_cost = 0.
    for features, targets in batches:
        logits = model(features)
        cost = F.cross_entropy(logits, targets)
        optimizer.zero_grad()
        cost.backward()
        avg_cost += cost
        optimizer.step()
    if epoch == 0:
        assert avg_cost.requires_grad
        one = count_nodes(F.cross_entropy(model(batches[0][0]), batches[0][1]).grad_fn)
        assert count_nodes(avg_cost.grad_fn) > 5 * one  # all six batch graphs still reachable
    with torch.set_grad_enabled(False):
        epoch_costs.append(avg_cost / 24)
