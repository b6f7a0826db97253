# report: https://github.com/pytorch/pytorch/issues/2769
# family: graph-kept
# expect: 20 40
# runtime: asserts the graph behind the stored hidden state grows with every batch
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class ClipLSTM(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(6, 8, batch_first=True)
        self.fc = nn.Linear(8, 3)
        self.hidden = (torch.zeros(1, 1, 8), torch.zeros(1, 1, 8))

    def forward(self, x):
        out, self.hidden = self.lstm(x, self.hidden)
        return F.log_softmax(self.fc(out[:, -1]), dim=1)


def graph_size(t):
    seen, todo = set(), [t.grad_fn]
    while todo:
        fn = todo.pop()
        if fn is not None and fn not in seen:
            seen.add(fn)
            todo.extend(f for f, _ in fn.next_functions)
    return len(seen)


model = ClipLSTM()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
sizes = []
optimizer.zero_grad()
for clip in range(4):  # accumulate over the clips of one video
    loss = F.nll_loss(model(torch.randn(1, 5, 6)), torch.tensor([clip % 3]))
    loss.backward(retain_graph=True)
    sizes.append(graph_size(model.hidden[0]))
optimizer.step()
assert sizes == sorted(sizes) and sizes[-1] > sizes[0]
