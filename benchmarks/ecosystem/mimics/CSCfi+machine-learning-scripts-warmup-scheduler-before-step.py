# report: https://github.com/CSCfi/machine-learning-scripts/blob/57a2f70eb30cb9815f342f4efe36d419f9b8c5df/examples/pytorch-imdb-bert.py#L276
# family: optimizer-misuse
# expect: 26
# runtime: asserts scheduler.step() runs before optimizer.step() in every batch: the warmup schedule is shifted by one step, so the first update already uses the lr of step 1 instead of 0
import warnings
import torch
import torch.nn as nn
from torch.optim.lr_scheduler import LambdaLR

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 4), nn.Tanh(), nn.Linear(4, 2))
WARMUP_STEPS, T_TOTAL = 4, 12
optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5, eps=1e-8)
scheduler = LambdaLR(optimizer, lambda step: step / WARMUP_STEPS if step < WARMUP_STEPS
                     else max(0.0, (T_TOTAL - step) / (T_TOTAL - WARMUP_STEPS)))
train_dataloader = [(torch.randn(3, 6), torch.randint(0, 2, (3,))) for _ in range(3)]
used_lrs = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model.train()
    for step, batch in enumerate(train_dataloader):
        b_input, b_labels = batch
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(model(b_input), b_labels)
        loss.backward()
        scheduler.step()
        used_lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
assert any("lr_scheduler.step()" in str(w.message) for w in caught)
assert abs(used_lrs[0] - 2e-5 / WARMUP_STEPS) < 1e-15  # should have been 0.0 (step 0 of the warmup)
