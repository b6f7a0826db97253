# report: https://github.com/vincentherrmann/pytorch-wavenet/blob/26ba28989edcf8688f6216057aafda07601ff07e/wavenet_model.py#L292
# family: removed-api
# expect: 23
# runtime: raises IndexError: invalid index of a 0-dim tensor
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
classes = 16
model = nn.Sequential(nn.Conv1d(classes, 8, 1), nn.Tanh(), nn.Conv1d(8, classes, 1))
model.eval()
inp = torch.zeros(1, classes, 1)
inp[0, classes // 2, 0] = 1.0
generated = np.array([])
temperature = 0.0
for i in range(3):
    x = model(inp).squeeze()
    if temperature > 0:
        x = np.array([np.random.choice(classes, p=torch.softmax(x / temperature, 0).detach().numpy())])
    else:
        # the argmax over a 1-d tensor is 0-dim: [0] cannot index it
        x = torch.max(x, 0)[1][0]
        x = x.cpu().data.numpy()
    generated = np.append(generated, (x / classes) * 2.0 - 1)
    inp.zero_()
    inp = inp.scatter_(1, torch.from_numpy(np.atleast_1d(x)).long().view(1, -1, 1), 1.0)
