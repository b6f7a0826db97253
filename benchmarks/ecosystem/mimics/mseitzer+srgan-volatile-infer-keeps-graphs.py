# report: https://github.com/mseitzer/srgan/blob/70f88fbac26b5a3659847965befea2fdd49eb625/training/base_runner.py#L37
# family: removed-api
# expect: 16
# runtime: asserts volatile=True is ignored, so every inferred prediction kept in epoch_data still carries the generator's autograd graph
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
gen = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 3, 3, padding=1))


def request_data(batch, volatile=False):
    return [Variable(t, volatile=volatile) for t in batch]


gen.eval()
epoch_data = []
for _ in range(5):
    inp, target = request_data([torch.rand(2, 3, 8, 8), torch.rand(2, 3, 8, 8)], volatile=True)
    prediction = gen(inp)
    epoch_data.append([t.cpu() for t in (inp, prediction, target)])

# intended: no graph recorded during inference; actually each stored prediction holds one
assert all(d[1].grad_fn is not None for d in epoch_data)
assert all(d[1].requires_grad for d in epoch_data)
print("graphs kept:", len(epoch_data))
