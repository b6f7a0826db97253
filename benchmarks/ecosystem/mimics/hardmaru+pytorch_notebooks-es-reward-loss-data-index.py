# report: https://github.com/hardmaru/pytorch_notebooks/blob/83a0a20318eb2872537593a387069f3c74a186e8/mnist_es/pytorch_mnist_mini_es_cma.ipynb
# family: removed-api
# expect: 32
# runtime: raises IndexError: invalid index of a 0-dim tensor
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 4), nn.LogSoftmax(dim=1))
model_shapes = [p.detach().numpy().shape for p in model.parameters()]


def update_model(flat_param, model, model_shapes):
    idx = 0
    for i, param in enumerate(model.parameters()):
        delta = int(np.prod(model_shapes[i]))
        block = np.reshape(flat_param[idx:idx + delta], model_shapes[i])
        idx += delta
        param.data = torch.from_numpy(block).float()


data, target = Variable(torch.randn(5, 6)), Variable(torch.randint(0, 4, (5,)))
solutions = np.random.randn(3, sum(int(np.prod(s)) for s in model_shapes))
reward = np.zeros(3)
for i in range(3):
    update_model(solutions[i], model, model_shapes)
    output = model(data)
    loss = F.nll_loss(output, target)
    reward[i] = - loss.data[0]
