# report: https://github.com/deep-learning-with-pytorch/dlwpt-code/blob/d6c0210143daa133bbdeddaffc8993b1e17b5174/p2ch12/training.py#L290
# family: graph-kept
# expect: 21,22
# runtime: asserts writing probability/loss tensors that require grad into the epoch metrics tensor makes it part of the autograd graph: the metrics tensor requires grad and chains the graph of every batch of the epoch
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 2))
opt = torch.optim.SGD(model.parameters(), lr=1e-3)
batches = [(torch.randn(4, 6), torch.randint(0, 2, (4,))) for _ in range(5)]


def compute_batch_loss(batch_ndx, x, y, metrics_g, batch_size=4):
    logits_g = model(x)
    probability_g = torch.softmax(logits_g, dim=1)
    loss_g = nn.functional.cross_entropy(logits_g, y, reduction="none")
    start_ndx = batch_ndx * batch_size
    end_ndx = start_ndx + y.size(0)
    metrics_g[0, start_ndx:end_ndx] = y
    metrics_g[1, start_ndx:end_ndx] = probability_g[:, 1]
    metrics_g[2, start_ndx:end_ndx] = loss_g
    return loss_g.mean()


def chain_len(t):
    n, fn = 0, t.grad_fn
    while fn is not None:
        n += 1
        fn = fn.next_functions[0][0]
    return n


metrics = torch.zeros(3, 20)
lengths = []
for i, (x, y) in enumerate(batches):
    opt.zero_grad()
    loss = compute_batch_loss(i, x, y, metrics)
    loss.backward()
    opt.step()
    lengths.append(chain_len(metrics))
assert metrics.requires_grad
assert lengths == sorted(lengths) and lengths[-1] > lengths[0] + 4
