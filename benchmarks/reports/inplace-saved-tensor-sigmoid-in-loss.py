# report: https://github.com/wutong16/DistributionBalancedLoss/issues/20
# family: inplace-saved-tensor
# expect: 21
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)


class BalancedBCELoss(nn.Module):
    """Multi-label BCE with a re-weighted negative term (long-tailed labels)."""

    def __init__(self, neg_scale=2.0, eps=1e-6):
        super().__init__()
        self.neg_scale = neg_scale
        self.eps = eps

    def forward(self, logits, labels):
        probs = torch.sigmoid(logits)
        probs.clamp_(self.eps, 1 - self.eps)
        pos = labels * probs.log()
        neg = (1 - labels) * (1 - probs).log() / self.neg_scale
        return -(pos + neg).mean()


def train_epoch(model, criterion, optimizer, batches):
    for features, labels in batches:
        loss = criterion(model(features), labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 5))
batches = [(torch.randn(4, 8), torch.randint(0, 2, (4, 5)).float()) for _ in range(2)]
train_epoch(model, BalancedBCELoss(), torch.optim.SGD(model.parameters(), lr=0.1), batches)
