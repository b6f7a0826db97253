# report: https://github.com/spro/practical-pytorch/issues/9
# family: optimizer-misuse
# expect: 36
# runtime: asserts the RNN that is trained never moves: the optimizer was built on an earlier instance
import torch
import torch.nn as nn


class RNN(nn.Module):
    def __init__(self, n_in, n_hidden, n_out):
        super().__init__()
        self.i2h = nn.Linear(n_in + n_hidden, n_hidden)
        self.h2o = nn.Linear(n_in + n_hidden, n_out)

    def forward(self, x, h):
        xh = torch.cat([x, h], dim=1)
        return torch.log_softmax(self.h2o(xh), dim=1), torch.tanh(self.i2h(xh))


torch.manual_seed(0)
n_letters, n_hidden, n_categories = 5, 8, 3
rnn = RNN(n_letters, n_hidden, n_categories)
optimizer = torch.optim.SGD(rnn.parameters(), lr=0.005)


def train(category, line):
    hidden = torch.zeros(1, n_hidden)
    optimizer.zero_grad()
    for letter in line:
        output, hidden = rnn(letter, hidden)
    loss = nn.functional.nll_loss(output, category)
    loss.backward()
    optimizer.step()


rnn = RNN(n_letters, n_hidden, n_categories)
start = rnn.h2o.weight.detach().clone()
for _ in range(3):
    train(torch.tensor([1]), torch.randn(4, 1, n_letters))
assert torch.equal(start, rnn.h2o.weight) and rnn.h2o.weight.grad is not None
