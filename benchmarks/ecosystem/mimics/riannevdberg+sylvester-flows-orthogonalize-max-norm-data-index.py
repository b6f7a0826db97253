# report: https://github.com/riannevdberg/sylvester-flows/blob/32dde9b7d696fee94f946a338182e542779eecfe/models/VAE.py#L346
# family: removed-api
# expect: 26
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
z_size, M, num_flows, B = 4, 2, 2, 3
amor_q = nn.Linear(5, num_flows * z_size * M)
eye = torch.eye(M).unsqueeze(0)
opt = torch.optim.Adam(amor_q.parameters(), lr=1e-3)


def batch_construct_orthogonal(q, steps=30, cond=1e-6):
    q = q.view(-1, z_size * M)
    amat = q / torch.norm(q, p=2, dim=1, keepdim=True)
    amat = amat.view(amat.size(0), z_size, M)
    max_norm = 0.
    for s in range(steps):
        tmp = torch.bmm(amat.transpose(2, 1), amat)
        tmp = eye + 0.5 * (eye - tmp)
        amat = torch.bmm(amat, tmp)
        test = torch.bmm(amat.transpose(2, 1), amat) - eye
        norms = torch.sqrt(torch.sum(torch.norm(test, p=2, dim=2) ** 2, dim=1))
        max_norm = torch.max(norms).data[0]
        if max_norm <= cond:
            break
    return amat.view(-1, num_flows, z_size, M).transpose(0, 1)


opt.zero_grad()
Q = batch_construct_orthogonal(amor_q(torch.randn(B, 5)))
loss = Q.pow(2).sum()
loss.backward()
opt.step()
