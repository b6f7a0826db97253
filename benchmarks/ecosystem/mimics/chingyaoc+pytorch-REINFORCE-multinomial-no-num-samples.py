# report: https://github.com/chingyaoc/pytorch-REINFORCE/blob/4a38741bcc32ed9a4ed92cd880e098b91ba82137/reinforce_discrete.py#L40
# family: removed-api
# expect: 23
# runtime: raises TypeError: missing 1 required positional arguments: "num_samples"
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Policy(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear1, self.linear2 = nn.Linear(4, 16), nn.Linear(16, 2)

    def forward(self, x):
        return F.softmax(self.linear2(F.relu(self.linear1(x))), dim=1)


policy = Policy()
probs = policy(torch.randn(1, 4))
action = probs.multinomial().data
log_prob = probs[:, action[0, 0]].view(1, -1).log()
