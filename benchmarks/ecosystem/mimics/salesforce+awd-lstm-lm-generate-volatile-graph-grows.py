# report: https://github.com/salesforce/awd-lstm-lm/blob/1d466ec5875675ca6b6f0caacbb741240a29da9e/generate.py#L63
# family: removed-api
# expect: 23
# runtime: asserts the hidden state keeps a graph that grows with every generated word
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
ntokens = 10
encoder = nn.Embedding(ntokens, 4)
rnn = nn.LSTM(4, 4)
decoder = nn.Linear(4, ntokens)
rnn.eval()


def model(inp, hidden):
    out, hidden = rnn(encoder(inp), hidden)
    return decoder(out), hidden


hidden = (torch.zeros(1, 1, 4), torch.zeros(1, 1, 4))
input = Variable(torch.rand(1, 1).mul(ntokens).long(), volatile=True)


def depth(t):
    seen, stack = set(), [t.grad_fn]
    while stack:
        fn = stack.pop()
        if fn is None or fn in seen:
            continue
        seen.add(fn)
        stack.extend(f for f, _ in fn.next_functions)
    return len(seen)


depths = []
for i in range(6):
    output, hidden = model(input, hidden)
    word_weights = output.squeeze().data.exp()
    word_idx = torch.multinomial(word_weights, 1)[0]
    input.data.fill_(word_idx)
    depths.append(depth(hidden[0]))
assert hidden[0].requires_grad
assert depths[-1] > depths[0], depths
print(depths)
