# report: https://github.com/wohlert/semi-supervised-pytorch/blob/7cde4959468d271552febdcfed5e1cfae9857613/examples/notebooks/Variational%20Autoencoder.ipynb
# family: optimizer-misuse
# expect: 40 47
# runtime: asserts the normalizing flows attached after the optimizer was built never move and their grads pile up
import torch
import torch.nn as nn

torch.manual_seed(0)


class Flow(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.w = nn.Parameter(torch.randn(d))

    def forward(self, z):
        return z + torch.tanh(z @ self.w).unsqueeze(1), torch.zeros(z.size(0))


class VAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(6, 4)
        self.dec = nn.Linear(4, 6)
        self.flow = None

    def add_flow(self, flow):
        self.flow = flow

    def forward(self, x):
        z = self.enc(x)
        if self.flow is not None:
            z, _ = self.flow(z)
        return self.dec(z)


model = VAE()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)  # notebook cell 5
flow = Flow(4)
model.add_flow(flow)  # notebook cell 9: the flow is now a submodule, but not in the optimizer
start = flow.w.detach().clone()
grads = []
for _ in range(3):  # notebook cell 10
    x = torch.randn(8, 6)
    loss = (model(x) - x).pow(2).mean()
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    grads.append(flow.w.grad.clone())
assert any(p is flow.w for p in model.parameters())
assert torch.equal(flow.w, start)
assert not torch.allclose(grads[-1], grads[0])  # accumulated, never zeroed
