# report: https://github.com/thuml/Anomaly-Transformer/issues/1
# family: inplace-saved-tensor
# expect: 36 37
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
# twin: inplace-saved-tensor-step-between-backwards-ok.py
import torch
import torch.nn as nn

torch.manual_seed(0)


class AssociationModel(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.encoder = nn.Linear(dim, dim)
        self.decoder = nn.Linear(dim, dim)

    def forward(self, x):
        h = torch.tanh(self.encoder(x))
        series = torch.softmax(h @ h.transpose(-1, -2), dim=-1)
        prior = torch.softmax(-torch.cdist(x, x), dim=-1)
        return self.decoder(h), series, prior


model = AssociationModel(6)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
criterion = nn.MSELoss()
k = 3.0
for x in torch.randn(2, 4, 5, 6):
    recon, series, prior = model(x)
    discrepancy = (series * (series.log() - prior.log())).sum(-1).mean()
    loss1 = criterion(recon, x) - k * discrepancy
    loss2 = criterion(recon, x) + k * discrepancy
    optimizer.zero_grad()
    loss1.backward(retain_graph=True)
    optimizer.step()
    loss2.backward()
    optimizer.step()
