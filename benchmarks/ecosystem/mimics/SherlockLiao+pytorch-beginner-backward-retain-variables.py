# report: https://github.com/SherlockLiao/pytorch-beginner/blob/3c48d7eae315d4b01ef36eab711efcd528a87744/11-backward/backward.py#L38
# family: removed-api
# expect: 14
# runtime: raises TypeError: unexpected keyword argument 'retain_variables'
import torch as t
from torch.autograd import Variable as v

m = v(t.FloatTensor([[2, 3]]), requires_grad=True)
j = t.zeros(2, 2)
k = v(t.zeros(1, 2))
k[0, 0] = m[0, 0] ** 2 + 3 * m[0, 1]
k[0, 1] = m[0, 1] ** 2 + 2 * m[0, 0]
# retain_variables was renamed retain_graph and later removed
k.backward(t.FloatTensor([[1, 0]]), retain_variables=True)
j[:, 0] = m.grad.data
