# report: https://github.com/L1aoXingyu/code-of-learn-deep-learning-with-pytorch/blob/ea24810dc26265e85e3eec34e1d091d21202d800/chapter3_NN/nn-sequential-module.ipynb
# family: removed-api
# expect: 15
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
from torch import nn

torch.manual_seed(0)
seq_net = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1))
buf = io.BytesIO()
torch.save(seq_net, buf)  # the whole module is pickled
buf.seek(0)
# torch.load defaults to weights_only=True since 2.6: a pickled module is refused
seq_net1 = torch.load(buf)
print(seq_net1[0].weight)
