# report: https://github.com/joansj/pytorch-intro/blob/ef7df3bb6039c6697dc920539d8cd6495e6e2e1c/src/ptb_main.py#L122
# family: removed-api
# expect: 31
# runtime: asserts volatile=True is ignored, so validation through the LSTM language model builds a graph for every chunk
import warnings
import numpy as np
import torch

torch.manual_seed(0)
embed = torch.nn.Embedding(30, 8)
lstm = torch.nn.LSTM(8, 8, 2, dropout=0.5, batch_first=True)
fc = torch.nn.Linear(8, 30)
model = torch.nn.ModuleList([embed, lstm, fc])
criterion = torch.nn.CrossEntropyLoss()
data = torch.randint(0, 30, (4, 25))
bptt = 6


def forward(x, h):
    y, h = model[1](model[0](x), h)
    return model[2](y.contiguous().view(-1, 8)), h


model.eval()
states = (torch.zeros(2, 4, 8), torch.zeros(2, 4, 8))
total_loss, graphs = 0, []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for i in range(0, data.size(1) - 1, bptt):
        seqlen = int(np.min([bptt, data.size(1) - 1 - i]))
        x = torch.autograd.Variable(data[:, i:i + seqlen], volatile=True)
        y = torch.autograd.Variable(data[:, i + 1:i + seqlen + 1], volatile=True)
        states = (states[0].detach(), states[1].detach())
        logits, states = forward(x, states)
        loss = criterion(logits, y.reshape(-1))
        graphs.append(loss.requires_grad)
        total_loss += loss.data.cpu().numpy()

assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)  # every evaluation chunk recorded an autograd graph
