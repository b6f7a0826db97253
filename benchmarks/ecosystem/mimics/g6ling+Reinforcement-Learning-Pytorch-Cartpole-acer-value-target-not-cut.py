# report: https://github.com/g6ling/Reinforcement-Learning-Pytorch-Cartpole/blob/ecb7b622cfefe825ac95388cceb6752413d90a2a/parallel/3-ACER/model.py#L84
# family: gan-step
# expect: 29
# runtime: asserts the ACER critic loss regresses Q(s,a) onto Qret = V(s_T) left in the graph, so the critic loss sends gradient through the target into the policy head
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
trunk = nn.Linear(4, 16)
fc_actor = nn.Linear(16, 2)
fc_critic = nn.Linear(16, 2)


def forward(x):
    h = F.relu(trunk(x))
    policy = F.softmax(fc_actor(h), dim=1)
    q_value = fc_critic(h)
    value = (policy * q_value).sum(-1, keepdim=True).view(-1)
    return policy, q_value, value


states = torch.randn(5, 4)
actions = torch.tensor([[0], [1], [1], [0], [1]])
masks = torch.ones(5)
policies, Qs, Vs = forward(states)
Q_actions = Qs.gather(1, actions).view(-1)
Qret = 0 if masks[-1] == 0 else Vs[-1]
value_loss = ((Qret - Q_actions) ** 2).mean()
value_loss.backward()

# the critic loss alone should leave the actor head untouched
assert fc_actor.weight.grad is not None and fc_actor.weight.grad.abs().sum() > 0
