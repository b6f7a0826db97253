# report: https://androidkt.com/one-of-the-variables-needed-for-gradient-computation-has-been-modified-by-an-inplace-operation/
# family: detach-alias
# expect: 22 23
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)


class AttentionPooling(nn.Module):
    """Pools a sequence with learned weights and keeps the weights for plotting."""

    def __init__(self, dim):
        super().__init__()
        self.score = nn.Linear(dim, 1)
        self.last_attention = None

    def forward(self, x):
        weights = self.score(x).squeeze(-1).exp()
        # normalised copy for the attention plot, kept out of the graph
        shown = weights.detach()
        shown /= shown.sum(dim=1, keepdim=True)
        self.last_attention = shown
        pooled = (weights.unsqueeze(-1) * x).sum(dim=1)
        return pooled / weights.sum(dim=1, keepdim=True)


pool = AttentionPooling(6)
classifier = nn.Linear(6, 2)
optimizer = torch.optim.Adam(list(pool.parameters()) + list(classifier.parameters()), lr=1e-3)
x, y = torch.randn(3, 5, 6), torch.tensor([0, 1, 1])
loss = nn.functional.cross_entropy(classifier(pool(x)), y)
optimizer.zero_grad()
loss.backward()
optimizer.step()
