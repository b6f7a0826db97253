# report: https://github.com/locuslab/TCN/blob/2f8c2b817050206397458dfd1f5a25ce8a32fe65/TCN/copy_memory/copymem_test.py#L120
# family: optimizer-misuse
# expect: 23
# runtime: asserts clip_grad_norm_ runs before loss.backward(): it clips the zeroed gradients and the step uses the unclipped ones
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv1d(1, 4, 3, padding=2), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 8, 9))
optimizer = torch.optim.RMSprop(model.parameters(), lr=5e-4)
criterion = nn.CrossEntropyLoss()
clip = 1.0
x = torch.randn(4, 6) * 50
y = torch.randint(0, 9, (4,))
norms = []
for batch_idx in range(2):
    optimizer.zero_grad()
    out = model(x.unsqueeze(1).contiguous())
    loss = criterion(out, y) * 100
    pred = out.data.max(1, keepdim=True)[1]
    correct = pred.eq(y.data.view_as(pred)).cpu().sum()
    if clip > 0:
        torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
    loss.backward()
    norms.append(torch.norm(torch.stack([p.grad.norm() for p in model.parameters()])).item())
    optimizer.step()

assert all(n > 10 * clip for n in norms)  # every step used a gradient far above the clip norm
