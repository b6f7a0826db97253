# report: https://github.com/OpenNMT/OpenNMT-py/issues/2303
# family: inplace-view
# expect: none
# runtime: runs: the standard deviation is computed out of place from the split half
# twin: inplace-view-split-logvar.py
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class SentenceVAE(nn.Module):
    def __init__(self, vocab=20, dim=8, latent=4):
        super().__init__()
        self.embed = nn.EmbeddingBag(vocab, dim)
        self.to_stats = nn.Linear(dim, 2 * latent)
        self.decode = nn.Linear(latent, vocab)
        self.latent = latent

    def forward(self, tokens):
        mu, logvar = self.to_stats(self.embed(tokens)).split([self.latent, self.latent], dim=-1)
        std = (0.5 * logvar).exp()
        z = mu + std * torch.randn_like(std)
        kl = -0.5 * (1 + 2 * std.log() - mu.pow(2) - std.pow(2)).sum(-1)
        return self.decode(z), kl


model = SentenceVAE()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
tokens = torch.randint(0, 20, (3, 6))
logits, kl = model(tokens)
bag = torch.zeros(3, 20).scatter_(1, tokens, 1.0)
loss = F.binary_cross_entropy_with_logits(logits, bag) + kl.mean()
optimizer.zero_grad()
loss.backward()
optimizer.step()
assert model.to_stats.weight.grad is not None
