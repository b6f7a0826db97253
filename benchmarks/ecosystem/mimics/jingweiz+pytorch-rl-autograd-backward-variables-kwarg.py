# report: https://github.com/jingweiz/pytorch-rl/blob/20b3b738ca400b1916197f27a91367878b09803c/core/agents/acer_single_process.py#L308
# family: removed-api
# expect: 19
# runtime: raises TypeError: unexpected keyword argument 'variables'
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import backward, grad

model = nn.Linear(4, 3)
policy_vb = [F.softmax(model(torch.randn(1, 4)), dim=1) for _ in range(2)]
action = torch.tensor([[1]])
detached_policy_vb = [p.detach().requires_grad_() for p in policy_vb]
policy_grad_vb = []
for i in range(2):
    loss = -(detached_policy_vb[i].log().gather(1, action)).mean(0)
    policy_grad_vb.append(grad(outputs=loss, inputs=detached_policy_vb[i], only_inputs=True)[0])
model.zero_grad()
backward(variables=policy_vb, grad_variables=policy_grad_vb, retain_graph=True)
