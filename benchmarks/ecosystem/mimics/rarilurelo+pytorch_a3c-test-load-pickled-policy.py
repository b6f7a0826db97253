# report: https://github.com/rarilurelo/pytorch_a3c/blob/83c7534d953590f33367c56fe0e1d599c91a7468/test_a3c.py#L73
# family: removed-api
# expect: 15
# runtime: raises UnpicklingError: Weights only load failed
import io

import torch
import torch.nn as nn

torch.manual_seed(0)
policy_net = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 2))
buf = io.BytesIO()
torch.save(policy_net, buf)  # the training script saves the whole module
buf.seek(0)
policy = torch.load(buf)
