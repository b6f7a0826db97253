# report: https://github.com/pemami4911/neural-combinatorial-rl-pytorch/blob/fc20970dda459891715b584a2a45fb9c9bdc7b8c/trainer.py#L258
# family: removed-api
# expect: 21
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
actor = nn.Linear(4, 5)
optim = torch.optim.Adam(actor.parameters(), lr=1e-3)
probs = torch.softmax(actor(torch.randn(3, 4)), dim=1)
R = -torch.rand(3, 1)
baseline = R.mean()
logprobs = torch.log(probs[:, :1])
actor_loss = ((R - baseline) * logprobs).mean()
optim.zero_grad()
actor_loss.backward()
optim.step()
baseline = baseline.detach()
log = {}
log['avg_reward'] = R.mean().data[0]
