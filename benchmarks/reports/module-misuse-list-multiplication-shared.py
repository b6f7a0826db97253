# report: https://github.com/acids-ircam/ddsp_pytorch/issues/37
# family: module-misuse
# expect: 19
# runtime: asserts the pitch and loudness MLPs are one module: list multiplication shares the weights
import torch
import torch.nn as nn


def mlp(in_size, hidden_size, n_layers):
    layers = []
    for i in range(n_layers):
        layers += [nn.Linear(in_size if i == 0 else hidden_size, hidden_size), nn.LeakyReLU()]
    return nn.Sequential(*layers)


class Controller(nn.Module):
    def __init__(self, hidden_size):
        super().__init__()
        self.in_mlps = nn.ModuleList([mlp(1, hidden_size, 2)] * 2)
        self.gru = nn.GRU(2 * hidden_size, hidden_size, batch_first=True)

    def forward(self, pitch, loudness):
        hidden = torch.cat([self.in_mlps[0](pitch), self.in_mlps[1](loudness)], -1)
        return self.gru(hidden)[0]


torch.manual_seed(0)
ctrl = Controller(hidden_size=8)
out = ctrl(torch.rand(1, 5, 1), torch.rand(1, 5, 1))
assert ctrl.in_mlps[0] is ctrl.in_mlps[1]
assert sum(p.numel() for p in ctrl.in_mlps.parameters()) == sum(p.numel() for p in ctrl.in_mlps[0].parameters())
