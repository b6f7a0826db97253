# report: https://github.com/PacktPublishing/PyTorch-1.x-Reinforcement-Learning-Cookbook/blob/7ded3e1221cb1fa40bc97c626d0b53df3da80df4/Chapter08/chapter8/actor_critic_mountaincar.py#L78
# family: removed-api
# expect: 17
# runtime: raises ValueError: The value argument to log_prob must be a Tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
net = nn.Linear(2, 2)


def get_action(s):
    out = net(torch.Tensor(s))
    dist = torch.distributions.Normal(2 * torch.tanh(out[:1]), F.softplus(out[1:]) + 1e-5)
    action = dist.sample().numpy()
    log_prob = dist.log_prob(action[0])  # a numpy float32: distributions now validate samples
    return action, log_prob


action, log_prob = get_action([0.1, -0.3])
print(action, log_prob)
