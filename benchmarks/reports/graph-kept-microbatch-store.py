# report: https://github.com/verl-project/verl/pull/7874
# family: graph-kept
# expect: 18
# runtime: asserts the per-micro-batch store pins every micro-batch's graph until the step ends
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
policy = nn.Sequential(nn.Linear(8, 16), nn.GELU(), nn.Linear(16, 10))
optimizer = torch.optim.AdamW(policy.parameters(), lr=1e-4)


def forward_step(micro_batch):
    x, labels = micro_batch
    logits = policy(x)
    loss = F.cross_entropy(logits, labels)
    return loss, {"loss": loss, "logits": logits}


forward_data_store = []
micro_batches = [(torch.randn(2, 8), torch.randint(0, 10, (2,))) for _ in range(4)]
optimizer.zero_grad()
for mb in micro_batches:
    scaled_loss, report = forward_step(mb)
    (scaled_loss / len(micro_batches)).backward()
    forward_data_store.append(report)
optimizer.step()
mean_loss = torch.stack([r["loss"] for r in forward_data_store]).mean()
assert all(r["logits"].grad_fn is not None for r in forward_data_store)
assert mean_loss.requires_grad
