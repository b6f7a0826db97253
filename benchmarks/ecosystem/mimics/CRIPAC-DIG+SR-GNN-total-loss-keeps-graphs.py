# report: https://github.com/CRIPAC-DIG/SR-GNN/blob/cf724b1a748e5a238dd008aaac8b68e3039fd581/pytorch_code/model.py#L136
# family: graph-kept
# expect: 40
# runtime: asserts total_loss += loss chains every batch's autograd graph for the whole epoch (only the final print reads it)
import torch
import torch.nn as nn


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
embedding = nn.Embedding(12, 5)
gate = nn.Linear(5, 5)
params = list(embedding.parameters()) + list(gate.parameters())
optimizer = torch.optim.Adam(params, lr=0.001, weight_decay=1e-5)
loss_function = nn.CrossEntropyLoss()


def scores_for(items):
    hidden = torch.tanh(gate(embedding(items))).mean(1)
    return hidden @ embedding.weight[1:].t()


batches = [(torch.randint(1, 12, (4, 3)), torch.randint(1, 12, (4,))) for _ in range(5)]
total_loss = 0.0
for items, targets in batches:
    optimizer.zero_grad()
    loss = loss_function(scores_for(items), targets - 1)
    loss.backward()
    optimizer.step()
    total_loss += loss
text = "\tLoss:\t%.3f" % total_loss
assert total_loss.requires_grad
single = count_nodes(loss_function(scores_for(batches[0][0]), batches[0][1] - 1).grad_fn)
assert count_nodes(total_loss.grad_fn) > 4 * single
