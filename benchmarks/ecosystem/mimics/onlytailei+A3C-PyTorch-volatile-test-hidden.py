# report: https://github.com/onlytailei/A3C-PyTorch/blob/5400de41fda7b8a8d7fe14d867a84b27cf550007/train.py#L64
# family: removed-api
# expect: 17 18
# runtime: asserts volatile=True is ignored: the test episode chains one autograd graph through the LSTM state over every step
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
encoder = nn.Linear(6, 8)
lstm = nn.LSTMCell(8, 8)
head = nn.Linear(8, 3)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    # test episode: the hidden state was meant to make the whole forward volatile
    lstm_h = Variable(torch.zeros(1, 8), volatile=True)
    lstm_c = Variable(torch.zeros(1, 8), volatile=True)
    for step in range(20):
        state_tensor = Variable(torch.randn(1, 6))
        lstm_h, lstm_c = lstm(encoder(state_tensor), (lstm_h, lstm_c))
        pl = torch.softmax(head(lstm_h), dim=1)
        action = pl.max(1)[1].data.numpy()[0]
# the carried state holds a graph reaching back through all 20 steps
assert lstm_h.requires_grad and lstm_h.grad_fn is not None
depth, node = 0, lstm_h.grad_fn
while node is not None:
    nexts = [f for f, _ in node.next_functions if f is not None and type(f).__name__ != "AccumulateGrad"]
    node = nexts[0] if nexts else None
    depth += 1
assert depth > 20
assert any("volatile" in str(w.message) for w in caught)
