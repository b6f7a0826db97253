# report: https://github.com/DeepLearningDTU/02456-deep-learning-with-PyTorch/blob/9f4f39095387a36c51e110d24d5ac4f9d2f7b6ef/6_Mini_Project/6.1-EXE-Kaggle-Leaf-Challenge.ipynb
# family: graph-kept
# expect: 28
# runtime: asserts the validation loss sum chains every validation batch's graph (no no_grad, no .item())
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
net = nn.Linear(10, 4, bias=False)
criterion = nn.CrossEntropyLoss()
batches = [(torch.randn(5, 10), torch.randint(0, 4, (5,)), 5) for _ in range(6)]
net.eval()
val_losses, val_lengths = 0, 0
for x, labels, num in batches:
    output = net(x)
    val_losses += criterion(output, labels) * num
    val_lengths += num
val_losses /= val_lengths
assert val_losses.requires_grad
single = count_nodes((criterion(net(batches[0][0]), batches[0][1]) * 5).grad_fn)
assert count_nodes(val_losses.grad_fn) > 5 * single - 10  # all six batch graphs are held together
