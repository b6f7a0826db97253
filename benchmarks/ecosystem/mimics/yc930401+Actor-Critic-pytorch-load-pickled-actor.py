# report: https://github.com/yc930401/Actor-Critic-pytorch/blob/5d359bc93839357255b591c0a87fc42542854eb8/Actor-Critic.py#L120
# family: removed-api
# expect: 25
# runtime: raises UnpicklingError: Weights only load failed
import io
import sys
import torch
import torch.nn as nn
import torch.nn.functional as F


class Actor(nn.Module):
    def __init__(self, state_size, action_size):
        super(Actor, self).__init__()
        self.linear1 = nn.Linear(state_size, action_size)

    def forward(self, state):
        return torch.distributions.Categorical(F.softmax(self.linear1(state), dim=-1))


setattr(sys.modules["__main__"], "Actor", Actor)  # the script's class lives in __main__
buf = io.BytesIO()
torch.save(Actor(4, 2), buf)
buf.seek(0)
actor = torch.load(buf)
print(actor(torch.randn(4)).sample())
