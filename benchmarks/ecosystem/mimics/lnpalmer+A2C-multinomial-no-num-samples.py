# report: https://github.com/lnpalmer/A2C/blob/d17b71bbc0bb05a31f9b7f234fc8f0e3260f2a2a/train.py#L34
# family: removed-api
# expect: 21
# runtime: raises TypeError: missing 1 required positional arguments: "num_samples"
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as Fnn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
trunk = nn.Sequential(nn.Linear(8, 32), nn.ReLU())
pi = nn.Linear(32, 4)
num_workers = 3

obs = Variable(torch.rand(num_workers, 8))
policies = pi(trunk(obs))
probs = Fnn.softmax(policies)
actions = probs.multinomial().data
print(actions.cpu().numpy())
