# report: https://github.com/zihangdai/mos/blob/9c0c6089bc1041ccb64657c7b5603294df60d0a7/generate.py#L59
# family: removed-api
# expect: 28
# runtime: asserts volatile=True is ignored: generation records a graph and the carried hidden state chains it over every generated word
import warnings

import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")


def count_nodes(fn):
    seen, stack = set(), [fn]
    while stack:
        node = stack.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        stack.extend(nxt for nxt, _ in node.next_functions)
    return len(seen)


torch.manual_seed(0)
emb, lstm, dec = nn.Embedding(9, 5), nn.LSTM(5, 5), nn.Linear(5, 9)
hidden = (torch.zeros(1, 1, 5), torch.zeros(1, 1, 5))
inp = Variable(torch.rand(1, 1).mul(9).long(), volatile=True)
sizes = []
for i in range(6):
    out, hidden = lstm(emb(inp), hidden)
    prob = torch.softmax(dec(out), -1)
    word_weights = prob.squeeze().data.exp()
    word_idx = torch.multinomial(word_weights, 1)[0]
    inp.data.fill_(word_idx)
    sizes.append(count_nodes(hidden[0].grad_fn))
assert hidden[0].requires_grad
assert sizes[-1] > sizes[0] * 3
