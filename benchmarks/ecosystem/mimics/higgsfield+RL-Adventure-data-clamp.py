# report: https://github.com/higgsfield/RL-Adventure/blob/0f82b6922e8a1a8515fc4c84c28702e7caa226f1/6.categorical%20dqn.ipynb
# family: detach-alias
# expect: 24
# runtime: asserts the loss is computed on clamped probabilities but its gradient is that of the unclamped ones
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
atoms = 5
head = nn.Linear(3, 2 * atoms)
with torch.no_grad():
    head.weight.mul_(20.0)  # sharp distributions, so some atoms fall outside [0.01, 0.99]
states = torch.randn(4, 3)
actions = torch.tensor([0, 1, 1, 0]).view(4, 1, 1).expand(4, 1, atoms)
target = torch.full((4, atoms), 1.0 / atoms)


def chosen_dist():
    return F.softmax(head(states).view(-1, atoms), dim=1).view(4, 2, atoms).gather(1, actions).squeeze(1)


dist = chosen_dist()
dist.data.clamp_(0.01, 0.99)
loss = -(target * dist.log()).sum(1).mean()
loss.backward()
grad_alias = head.weight.grad.clone()

# the loss that was actually computed, with the clamp recorded by autograd
head.weight.grad = None
honest = -(target * chosen_dist().clamp(0.01, 0.99).log()).sum(1).mean()
honest.backward()
assert torch.allclose(loss, honest)
assert not torch.allclose(grad_alias, head.weight.grad, atol=1e-4)
