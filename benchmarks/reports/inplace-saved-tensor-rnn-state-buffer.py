# report: https://github.com/pytorch/pytorch/issues/114505
# family: inplace-saved-tensor
# expect: 24
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)


class ElmanRNN(nn.Module):
    def __init__(self, n_in, n_hidden):
        super().__init__()
        self.w_in = nn.Linear(n_in, n_hidden)
        self.w_rec = nn.Linear(n_hidden, n_hidden, bias=False)
        self.n_hidden = n_hidden

    def forward(self, x):
        steps, batch, _ = x.shape
        # one preallocated buffer holds every hidden state, row t+1 computed from row t
        states = torch.zeros(steps + 1, batch, self.n_hidden)
        for t in range(steps):
            pre = self.w_in(x[t]) + self.w_rec(states[t])
            states[t + 1] = torch.tanh(pre)
        return states[1:]


rnn = ElmanRNN(3, 5)
readout = nn.Linear(5, 1)
optimizer = torch.optim.SGD(list(rnn.parameters()) + list(readout.parameters()), lr=0.01)
x = torch.randn(6, 2, 3)
y = torch.randn(6, 2, 1)
loss = (readout(rnn(x)) - y).pow(2).mean()
optimizer.zero_grad()
loss.backward()
optimizer.step()
