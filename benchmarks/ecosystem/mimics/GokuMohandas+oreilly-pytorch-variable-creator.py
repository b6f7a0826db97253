# report: https://github.com/GokuMohandas/oreilly-pytorch/blob/a9ac5625361cb434cfa45fb5269fa152015a296f/code/lesson1/lesson1.ipynb
# family: removed-api
# expect: 14
# runtime: raises AttributeError: has no attribute 'creator'
import torch
from torch.autograd import Variable

x = Variable(torch.ones(3, 3), requires_grad=True)
y = x + 4
z = y * 3
o = z.mean()
o.backward()
print(x.grad, x.data)
print(z.creator)
