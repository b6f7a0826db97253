# report: https://github.com/PacktPublishing/Deep-Learning-with-PyTorch/blob/7d2f9a92dafb5973070276db2c5453c1247e71e0/Chapter07/LanguageModeling/LanguageModeling%20using%20torchtext.ipynb
# family: removed-api
# expect: 14
# runtime: raises TypeError: iteration over a 0-d tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
rnn = nn.LSTM(4, 4, 2)


def repackage_hidden(h):
    if type(h) == Variable:
        return Variable(h.data)
    else:
        return tuple(repackage_hidden(v) for v in h)


hidden = (torch.zeros(2, 3, 4), torch.zeros(2, 3, 4))
for i in range(2):
    hidden = repackage_hidden(hidden)
    output, hidden = rnn(torch.randn(5, 3, 4), hidden)
    output.sum().backward()
