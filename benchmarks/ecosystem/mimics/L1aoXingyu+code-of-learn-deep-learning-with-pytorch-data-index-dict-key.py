# report: https://github.com/L1aoXingyu/code-of-learn-deep-learning-with-pytorch/blob/ea24810dc26265e85e3eec34e1d091d21202d800/chapter5_RNN/nlp/n-gram.ipynb
# family: removed-api
# expect: 18
# runtime: raises KeyError: tensor
import torch
from torch import nn
from torch.autograd import Variable

torch.manual_seed(0)
idx_to_word = {i: w for i, w in enumerate(['when', 'forty', 'winters', 'shall', 'besiege'])}
embed = nn.Embedding(5, 3)
classify = nn.Linear(2 * 3, 5)
net = lambda x: classify(embed(x).view(1, -1))
word = Variable(torch.LongTensor([0, 1]))
out = net(word)
# .data[0] of the (1,) argmax is a 0-dim tensor since 0.4, not a Python int:
# tensors hash by identity, so the int-keyed dict has no such key
pred_label_idx = out.max(1)[1].data[0]
predict_word = idx_to_word[pred_label_idx]
