# report: https://github.com/gitabcworld/FewShotLearning/blob/2eff1881f96212e0fb31737a48f82fab9c2fac83/utils/util.py#L43
# family: grad-missing
# expect: 20
# runtime: raises RuntimeError: appears to not have been used in the graph
import torch
import torch.nn as nn

torch.manual_seed(0)
learner = nn.Sequential(nn.Linear(4, 3))
n_params = sum(p.numel() for p in learner.parameters())
# meta-learner state: cell state cI initialised to the learner's parameters, plus a gate weight
cI = nn.Parameter(torch.cat([p.detach().view(-1) for p in learner.parameters()]))
WF = nn.Parameter(torch.full((1,), 0.5))


def unflatten_params(model, flat):
    indx = 0
    for param in model.parameters():
        length = param.numel()
        param.data = flat[indx:indx + length].view_as(param).data
        indx += length


x, y = torch.randn(5, 4), torch.randint(0, 3, (5,))
learner.zero_grad()
grads = torch.autograd.grad(nn.functional.cross_entropy(learner(x), y), list(learner.parameters()))
flat_grad = torch.cat([g.view(-1) for g in grads])
cS = torch.sigmoid(WF) * cI - 0.1 * flat_grad  # next parameters proposed by the meta-learner
unflatten_params(learner, cS)
loss = nn.functional.cross_entropy(learner(torch.randn(5, 4)), torch.randint(0, 3, (5,)))
torch.autograd.grad(loss, [WF, cI])
