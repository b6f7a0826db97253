# report: https://github.com/sgadgil6/cnslab_fmri/issues/4
# family: backward-twice
# expect: 19
# runtime: raises RuntimeError: Trying to backward through the graph a second time
import torch
import torch.nn as nn

torch.manual_seed(0)


class ScanClassifier(nn.Module):
    def __init__(self, n_in, n_hidden, batch):
        super().__init__()
        self.lstm = nn.LSTM(n_in, n_hidden, batch_first=True)
        self.head = nn.Linear(n_hidden, 1)
        self.hidden = (torch.zeros(1, batch, n_hidden), torch.zeros(1, batch, n_hidden))

    def forward(self, x):
        out, self.hidden = self.lstm(x, self.hidden)
        return self.head(out[:, -1]).squeeze(1)


model = ScanClassifier(n_in=6, n_hidden=5, batch=4)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
criterion = nn.BCEWithLogitsLoss()
batches = [(torch.randn(4, 7, 6), torch.randint(0, 2, (4,)).float()) for _ in range(3)]
for scans, labels in batches:
    optimizer.zero_grad()
    loss = criterion(model(scans), labels)
    loss.backward()
    optimizer.step()
