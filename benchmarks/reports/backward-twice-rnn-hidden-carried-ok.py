# report: https://github.com/MorvanZhou/PyTorch-Tutorial/issues/57
# family: backward-twice
# expect: none
# runtime: runs: the carried hidden state is detached before each window's backward
# twin: backward-twice-rnn-hidden-carried.py
import torch
import torch.nn as nn

torch.manual_seed(0)


class SeqRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.RNN(1, 8, batch_first=True)
        self.out = nn.Linear(8, 1)

    def forward(self, x, h):
        r_out, h = self.rnn(x, h)
        return self.out(r_out), h


model = SeqRegressor()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = nn.MSELoss()
h_state = None
for step in range(3):
    t = torch.linspace(step, step + 1, 10)
    x = torch.sin(t).view(1, 10, 1)
    y = torch.cos(t).view(1, 10, 1)
    prediction, h_state = model(x, h_state)
    h_state = h_state.detach()
    loss = loss_fn(prediction, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
assert h_state.grad_fn is None and model.rnn.weight_hh_l0.grad is not None
