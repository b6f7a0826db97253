# report: https://github.com/facebookexperimental/protoquant/pull/25
# family: backward-twice
# expect: 21
# runtime: raises RuntimeError: Trying to backward through the graph a second time
import torch
import torch.nn as nn

torch.manual_seed(0)


class ScaledLinear(nn.Linear):
    """A linear layer that scales its input by the amax seen on the previous call."""

    def __init__(self, n_in, n_out):
        super().__init__(n_in, n_out)
        self.amax = None

    def forward(self, x):
        scale = 1.0 if self.amax is None else 448.0 / self.amax
        out = nn.functional.linear(x * scale, self.weight) / scale + self.bias
        self.amax = out.abs().max()
        return out


layer = ScaledLinear(8, 3)
optimizer = torch.optim.SGD(layer.parameters(), lr=0.01)
for step in range(3):
    x, y = torch.randn(4, 8), torch.randn(4, 3)
    loss = nn.functional.mse_loss(layer(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
