# report: https://github.com/devnag/pytorch-generative-adversarial-networks/issues/14
# family: gan-step
# expect: none
# runtime: runs: G's loss flows through an undetached D, but only G's optimizer steps and D's gradients are cleared before D's own step
import torch
import torch.nn as nn

torch.manual_seed(0)
G = nn.Sequential(nn.Linear(1, 16), nn.ELU(), nn.Linear(16, 1))
D = nn.Sequential(nn.Linear(1, 16), nn.ELU(), nn.Linear(16, 1), nn.Sigmoid())
criterion = nn.BCELoss()
d_optimizer = torch.optim.SGD(D.parameters(), lr=1e-3, momentum=0.9)
g_optimizer = torch.optim.SGD(G.parameters(), lr=1e-3, momentum=0.9)

for epoch in range(2):
    D.zero_grad()
    d_real_error = criterion(D(torch.randn(8, 1) + 4), torch.ones(8, 1))
    d_fake_error = criterion(D(G(torch.randn(8, 1)).detach()), torch.zeros(8, 1))
    (d_real_error + d_fake_error).backward()
    d_optimizer.step()

    G.zero_grad()
    d_before = [p.detach().clone() for p in D.parameters()]
    g_error = criterion(D(G(torch.randn(8, 1))), torch.ones(8, 1))
    g_error.backward()
    g_optimizer.step()
    assert all(torch.equal(a, b) for a, b in zip(d_before, D.parameters()))
