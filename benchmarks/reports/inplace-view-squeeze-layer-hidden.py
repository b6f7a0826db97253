# report: https://github.com/alibaba/TinyNeuralNetwork/issues/238
# family: inplace-view
# expect: 23
# runtime: raises RuntimeError: is a view and is being modified inplace
import torch
import torch.nn as nn

torch.manual_seed(0)


class StackedGRU(nn.Module):
    """A multi-layer GRU unrolled by hand from GRUCells (quantization-friendly)."""

    def __init__(self, n_in, n_hidden, num_layers=2):
        super().__init__()
        self.num_layers = num_layers
        self.cells = nn.ModuleList(
            nn.GRUCell(n_in if i == 0 else n_hidden, n_hidden) for i in range(num_layers)
        )

    def forward(self, x, hx):
        # hx: (num_layers, batch, hidden), as nn.GRU takes it
        hx = [h.squeeze_(0) for h in hx.split(1, dim=0)]
        outputs = []
        for step in x:
            for layer, cell in enumerate(self.cells):
                hx[layer] = cell(step, hx[layer])
                step = hx[layer]
            outputs.append(step)
        return torch.stack(outputs), torch.stack(hx)


encoder = nn.Linear(4, 6)  # initial hidden state computed from a context vector
rnn = StackedGRU(4, 6)
x = torch.randn(5, 2, 4)
h0 = torch.tanh(encoder(torch.randn(2, 2, 4)))
out, hn = rnn(x, h0)
out.sum().backward()
