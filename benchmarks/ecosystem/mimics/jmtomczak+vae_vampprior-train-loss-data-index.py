# report: https://github.com/jmtomczak/vae_vampprior/blob/bb6ff3e58036adbea448e82d7bc55593d605b52c/utils/training.py#L46
# family: removed-api
# expect: 36 37 38
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)


class TinyVAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc, self.dec = nn.Linear(6, 4), nn.Linear(2, 6)

    def calculate_loss(self, x, beta=1., average=False):
        mu, logvar = self.enc(x).chunk(2, dim=1)
        z = torch.randn_like(mu).mul(logvar.mul(0.5).exp_()).add_(mu)
        probs = torch.sigmoid(self.dec(z)).clamp(1e-5, 1 - 1e-5)
        RE = (x * probs.log() + (1 - x) * (1 - probs).log()).sum(1)
        KL = 0.5 * (mu ** 2 + logvar.exp() - logvar - 1).sum(1)
        loss = -RE + beta * KL
        if average:
            loss, RE, KL = loss.mean(), RE.mean(), KL.mean()
        return loss, RE, KL


model = TinyVAE()
optimizer = torch.optim.Adam(model.parameters(), lr=5e-4)
train_loss = train_re = train_kl = 0
x = torch.bernoulli(torch.full((5, 6), 0.5))
optimizer.zero_grad()
loss, RE, KL = model.calculate_loss(x, 0.5, average=True)
loss.backward()
optimizer.step()
train_loss += loss.data[0]
train_re += -RE.data[0]
train_kl += KL.data[0]
