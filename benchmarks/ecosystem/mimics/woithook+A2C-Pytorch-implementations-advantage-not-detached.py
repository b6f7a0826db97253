# report: https://github.com/woithook/A2C-Pytorch-implementations/blob/61ff2bab4379f57cfa03ee44e4d8c56084f4cc23/alg/Breakout_a2c_v2.py#L125
# family: gan-step
# expect: 30
# runtime: asserts the policy loss uses the undetached advantage: loss.backward() also pushes the policy-gradient term into the value head
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
body = nn.Sequential(nn.Linear(6, 16), nn.ReLU())
act = nn.Linear(16, 3)
cri = nn.Linear(16, 1)
eps = torch.finfo(torch.float32).eps
states, actions = torch.randn(5, 6), [0, 2, 1, 1, 0]
return_ = torch.tensor([1.0, 0.9, 0.7, 0.4, 0.0])


def critic_grad(detach_in_policy):
    for m in (body, act, cri):
        m.zero_grad()
    h = body(states)
    logits, v = act(h), cri(h).view(-1)
    prob, log_prob = F.softmax(logits, dim=1), F.log_softmax(logits, dim=1)
    log_prob_act = torch.stack([lp[a] for lp, a in zip(log_prob, actions)])
    a = return_ - v
    a = (a - a.mean()) / (a.std() + eps)
    if detach_in_policy:
        loss_policy_p = -torch.dot(a.detach(), log_prob_act).view(1) / len(logits)
    else:
        loss_policy_p = -torch.dot(a, log_prob_act).view(1) / len(logits)
    loss_critic_p = a.pow(2).mean()
    loss_entropy_p = -torch.dot(log_prob.view(-1), prob.view(-1)) / len(logits)
    loss = loss_policy_p.mean() + 0.5 * loss_critic_p + 0.01 * loss_entropy_p
    loss.backward()
    return cri.weight.grad.clone()


assert not torch.allclose(critic_grad(False), critic_grad(True))  # the actor loss trains the critic too
