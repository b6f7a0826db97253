# report: https://github.com/JunhongXu/world-models-pytorch/blob/a00f487885656da6e00beb6306470a5de62cf57f/rnn.py#L65
# family: inplace-saved-tensor
# expect: 25,26
# runtime: raises RuntimeError: modified by an inplace operation
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
z_dim, action_dim, hidden_size, n_mixture, tau = 4, 2, 16, 3, 1.15
rnn = nn.LSTM(input_size=z_dim + action_dim, hidden_size=hidden_size, batch_first=True)
mdn = nn.Linear(hidden_size, n_mixture * z_dim * 2 + n_mixture)
opt = torch.optim.Adam(list(rnn.parameters()) + list(mdn.parameters()), lr=1e-3)


def mdn_forward(inpt, action):
    batch_size, seq_len, _ = inpt.size()
    output, _ = rnn(torch.cat((inpt, action), dim=-1))
    mixture = mdn(output.contiguous().view(-1, hidden_size)).view(batch_size, seq_len, -1)
    mean = mixture[..., :n_mixture * z_dim]
    sigma = torch.exp(mixture[..., n_mixture * z_dim: n_mixture * z_dim * 2])
    pi = F.softmax(mixture[..., -n_mixture:], -1)
    if tau > 0:
        # softmax and exp saved their outputs for backward; these overwrite them
        pi /= tau
        sigma *= tau ** 0.5
    return pi, mean, sigma


z = torch.randn(2, 5, z_dim)
a = torch.randn(2, 5, action_dim)
z_next = torch.randn(2, 5, z_dim)
pi, mean, sigma = mdn_forward(z, a)
mean = mean.view(2, 5, n_mixture, z_dim)
sigma = sigma.view(2, 5, n_mixture, z_dim)
log_prob = torch.distributions.Normal(mean, sigma).log_prob(z_next.unsqueeze(2)).sum(-1)
loss = -torch.logsumexp(torch.log(pi) + log_prob, dim=-1).mean()
opt.zero_grad()
loss.backward()
opt.step()
