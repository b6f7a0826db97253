# report: https://github.com/JunhongXu/pytorch-a2c-minecraft/blob/b30df2c909f1ae153f1f25186708afd4333574bb/run_lunarlander.py#L55
# family: removed-api
# expect: 26
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Linear(8, 4 + 1)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
obs, actions, returns = torch.randn(12, 8), torch.randint(0, 4, (12, 1)), torch.randn(12)
for e in range(2):
    out = model(obs)
    logits, values = out[:, :4], out[:, 4]
    advantage = returns - values
    log_logits = F.log_softmax(logits, dim=1)
    policy_loss = torch.mean(-advantage.detach() * log_logits.gather(1, actions).view(-1))
    entropy = -(log_logits * F.softmax(logits, dim=1)).sum(-1).mean()
    mse = torch.mean(advantage.pow(2))
    loss = policy_loss + 0.5 * mse - 0.02 * entropy
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    # progress print after every update
    print(policy_loss.data[0], mse.data[0], entropy.data[0])
