# report: https://github.com/DuaneNielsen/DeepInfomaxPytorch/blob/2fa707545db93ebec10366f43b98933cd611ba55/train.py#L47
# family: gan-step
# expect: 32
# runtime: asserts the prior-matching term -(log D(prior) + log(1 - D(y))) is minimised by the encoder too, so the encoder's gradient points opposite to a generator loss and its step lowers D(y) (it helps the prior discriminator instead of fooling it)
import copy

import torch
import torch.nn as nn

torch.manual_seed(0)
encoder = nn.Sequential(nn.Linear(6, 4), nn.Tanh())
prior_d = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1), nn.Sigmoid())
enc_optim = torch.optim.SGD(encoder.parameters(), lr=0.5)
d_optim = torch.optim.SGD(prior_d.parameters(), lr=0.5)
x = torch.randn(32, 6)

# what the encoder should descend: the generator side of the prior GAN
y = encoder(x)
gen_loss = -torch.log(prior_d(y)).mean()
gen_grads = torch.autograd.grad(gen_loss, list(encoder.parameters()))

frozen_d = copy.deepcopy(prior_d)
with torch.no_grad():
    d_before = frozen_d(encoder(x)).mean().item()

enc_optim.zero_grad()
d_optim.zero_grad()
y = encoder(x)
prior = torch.rand_like(y)
term_a = torch.log(prior_d(prior)).mean()
term_b = torch.log(1.0 - prior_d(y)).mean()
loss = -(term_a + term_b) * 0.1
loss.backward()
enc_grads = [p.grad.clone() for p in encoder.parameters()]
enc_optim.step()
d_optim.step()

with torch.no_grad():
    d_after = frozen_d(encoder(x)).mean().item()
dot = sum((a * b).sum() for a, b in zip(enc_grads, gen_grads)).item()
assert dot < 0, dot
assert d_after < d_before, (d_before, d_after)
