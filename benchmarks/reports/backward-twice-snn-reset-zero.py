# report: https://github.com/synsense/sinabs/issues/5
# family: backward-twice
# expect: 19
# runtime: raises RuntimeError: Trying to backward through the graph a second time
import torch
import torch.nn as nn

torch.manual_seed(0)


class LeakyNeurons(nn.Module):
    def __init__(self, n, decay=0.9):
        super().__init__()
        self.fc = nn.Linear(n, n)
        self.decay = decay
        self.register_buffer("v_mem", torch.zeros(1, n))

    def reset_states(self):
        self.v_mem.zero_()

    def forward(self, x):
        self.v_mem = self.decay * self.v_mem + self.fc(x)
        return torch.sigmoid(self.v_mem)


layer = LeakyNeurons(5)
optimizer = torch.optim.Adam(layer.parameters(), lr=1e-3)
for batch in range(3):
    layer.reset_states()
    spikes = torch.rand(6, 1, 5)
    rates = torch.stack([layer(x_t) for x_t in spikes]).mean(0)
    loss = (rates - 0.2).pow(2).sum()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
