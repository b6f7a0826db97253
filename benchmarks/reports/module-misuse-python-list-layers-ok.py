# report: https://github.com/ikostrikov/pytorch-meta-optimizer/issues/11
# family: module-misuse
# expect: none
# runtime: runs: the cells sit in an nn.ModuleList, so the optimizer sees and updates them
# twin: module-misuse-python-list-layers.py
import torch
import torch.nn as nn


class MetaOptimizer(nn.Module):
    def __init__(self, hidden_size, num_layers):
        super().__init__()
        self.linear1 = nn.Linear(3, hidden_size)
        self.lstms = nn.ModuleList()
        for _ in range(num_layers):
            self.lstms.append(nn.LSTMCell(hidden_size, hidden_size))
        self.linear2 = nn.Linear(hidden_size, 1)

    def forward(self, x):
        h = torch.tanh(self.linear1(x))
        for cell in self.lstms:
            h, _ = cell(h)
        return self.linear2(h)


torch.manual_seed(0)
meta = MetaOptimizer(hidden_size=4, num_layers=2)
optimizer = torch.optim.Adam(meta.parameters(), lr=1e-2)
cell_before = meta.lstms[0].weight_ih.detach().clone()
loss = meta(torch.randn(5, 3)).pow(2).mean()
optimizer.zero_grad()
loss.backward()
optimizer.step()
assert len(list(meta.parameters())) == 12
assert not torch.equal(cell_before, meta.lstms[0].weight_ih)
