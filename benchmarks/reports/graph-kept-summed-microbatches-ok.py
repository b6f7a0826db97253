# report: https://discuss.pytorch.org/t/gpu-memory-increase-while-i-wanna-to-backward-with-accumulative-loss/43284
# family: graph-kept
# expect: none
# runtime: runs: the summed loss is backwarded once per step and rebuilt from zero, so no graph outlives its step
import torch
import torch.nn as nn

torch.manual_seed(0)
encoder = nn.GRU(3, 8, batch_first=True)
head = nn.Linear(8, 1)
criterion = nn.MSELoss()
optimizer = torch.optim.Adam([*encoder.parameters(), *head.parameters()], lr=1e-3)

for step in range(3):
    # sequences of different lengths cannot be batched, so their losses are summed
    seqs = [torch.randn(1, n, 3) for n in (4, 6, 5)]
    loss = 0
    for seq in seqs:
        _, h = encoder(seq)
        loss += criterion(head(h[-1]), torch.randn(1, 1))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    history = loss.item()
assert isinstance(history, float) and head.weight.grad is not None
