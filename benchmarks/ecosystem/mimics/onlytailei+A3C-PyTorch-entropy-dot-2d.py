# report: https://github.com/onlytailei/A3C-PyTorch/blob/5400de41fda7b8a8d7fe14d867a84b27cf550007/A3C.py#L189
# family: removed-api
# expect: 17
# runtime: raises RuntimeError: 1D tensors expected
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
policy = nn.Linear(8, 6)
states = torch.randn(4, 1, 8)
p_roll = [F.softmax(policy(s), dim=1) for s in states]
policy_loss = 0
for i in reversed(range(len(p_roll))):
    log_prob = torch.log(p_roll[i])
    # entropy of a (1, A) policy through dot, which only takes 1-D tensors now
    entropy = -torch.dot(log_prob, p_roll[i])
    policy_loss = policy_loss - 0.01 * entropy
policy_loss.backward()
