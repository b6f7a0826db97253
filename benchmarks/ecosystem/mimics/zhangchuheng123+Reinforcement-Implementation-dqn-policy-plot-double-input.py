# report: https://github.com/zhangchuheng123/Reinforcement-Implementation/blob/c04e0df10ec29ef775ea31395a8ad4b917302d24/code/dqn.py#L182
# family: dtype-grad
# expect: 20
# runtime: raises RuntimeError: to have the same dtype, but got: double != float
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
agent = nn.Sequential(nn.Linear(2, 32, bias=False), nn.Linear(32, 3, bias=False))
# (training happens on float32 tensors built with torch.Tensor(...))
agent(torch.Tensor(np.random.randn(4, 2))).sum().backward()

X = np.random.uniform(-1.2, 0.6, 5)
Y = np.random.uniform(-0.07, 0.07, 5)
Z = []
for i in range(len(X)):
    # .type(FloatTensor) is applied to the network OUTPUT; the input stays float64
    _, temp = torch.max(
        agent(Variable(torch.from_numpy(np.array([X[i], Y[i]])))).type(torch.FloatTensor), dim=-1)
    Z.append(temp.item())
print(Z)
