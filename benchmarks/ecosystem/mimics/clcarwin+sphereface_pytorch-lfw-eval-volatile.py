# report: https://github.com/clcarwin/sphereface_pytorch/blob/e2f11f0b0f394cf75b9f65ce8d353e4390b0948c/lfw_eval.py#L111
# family: removed-api
# expect: 21
# runtime: asserts volatile=True is ignored: every LFW pair's feature forward records the autograd graph
import warnings
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
net = nn.Sequential(nn.Flatten(), nn.Linear(3 * 4 * 4, 8), nn.PReLU(8), nn.Linear(8, 6))
net.eval()
pairs = [np.random.RandomState(i).rand(4, 3, 4, 4).astype(np.float32) for i in range(2)]


def run():
    graphs, predicts = [], []
    for imgs in pairs:
        img = (imgs - 0.5) / 0.5
        img = Variable(torch.from_numpy(img).float(), volatile=True)
        output = net(img)
        graphs.append(output.grad_fn is not None)
        f = output.data
        f1, f2 = f[0], f[2]
        predicts.append(float(f1.dot(f2) / (f1.norm() * f2.norm() + 1e-5)))
    return graphs


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    graphs = run()
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
