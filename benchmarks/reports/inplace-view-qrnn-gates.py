# report: https://github.com/fastai/fastai1/issues/11
# family: inplace-view
# expect: 23 24
# runtime: raises RuntimeError: is a view and is being modified inplace
import torch
import torch.nn as nn

torch.manual_seed(0)


class QRNNLayer(nn.Module):
    """Quasi-recurrent layer: convolutional gates, then a sequential forget-mult."""

    def __init__(self, n_in, n_hidden, window=2):
        super().__init__()
        self.window = window
        self.linear = nn.Linear(window * n_in, 2 * n_hidden)

    def forward(self, x, hidden):
        padded = torch.cat([torch.zeros_like(x[:1]).expand(self.window - 1, -1, -1), x], dim=0)
        windows = torch.cat([padded[i:i + x.shape[0]] for i in range(self.window)], dim=-1)
        z_gate, f_gate = self.linear(windows).chunk(2, dim=-1)
        z_gate.tanh_()
        f_gate.sigmoid_()
        outputs = []
        for z, f in zip(z_gate, f_gate):
            hidden = f * z + (1 - f) * hidden
            outputs.append(hidden)
        return torch.stack(outputs), hidden


layer = QRNNLayer(3, 5)
optimizer = torch.optim.SGD(layer.parameters(), lr=0.1)
out, h = layer(torch.randn(7, 2, 3), torch.zeros(2, 5))
loss = out.pow(2).mean()
optimizer.zero_grad()
loss.backward()
optimizer.step()
