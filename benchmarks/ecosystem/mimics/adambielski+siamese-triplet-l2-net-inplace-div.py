# report: https://github.com/adambielski/siamese-triplet/blob/0c719f9e8f59fa386e8c59d10b2ddde9fac46276/networks.py#L36
# family: inplace-saved-tensor
# expect: 23
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)


class EmbeddingNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Sequential(nn.Linear(6, 8), nn.PReLU(), nn.Linear(8, 2))

    def forward(self, x):
        return self.fc(x)


class EmbeddingNetL2(EmbeddingNet):
    def forward(self, x):
        output = super().forward(x)
        output /= output.pow(2).sum(1, keepdim=True).sqrt()
        return output


model = EmbeddingNetL2()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
a, p, n = torch.randn(4, 6), torch.randn(4, 6), torch.randn(4, 6)
ea, ep, en = model(a), model(p), model(n)
loss = torch.relu((ea - ep).pow(2).sum(1) - (ea - en).pow(2).sum(1) + 1.0).mean()
optimizer.zero_grad()
loss.backward()
optimizer.step()
