# report: https://github.com/rarilurelo/pytorch_a3c/blob/83c7534d953590f33367c56fe0e1d599c91a7468/run_a3c.py#L39
# family: removed-api
# expect: 17
# runtime: raises TypeError: num_samples
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
body = nn.Linear(8, 16)
pi_head, v_head = nn.Linear(16, 3), nn.Linear(16, 1)

obs = torch.randn(1, 8)
h = F.relu(body(obs))
probs = F.softmax(pi_head(h), dim=1)
value = v_head(h)
act = probs.multinomial()  # num_samples used to default to 1
print(act)
