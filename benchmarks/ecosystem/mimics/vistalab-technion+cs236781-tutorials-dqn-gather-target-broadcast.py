# report: https://github.com/vistalab-technion/cs236781-tutorials/blob/d8822fac022c877f1027c6f70d93a28ef695e868/older%20version/t09/tutorial9-DeepRL.ipynb
# family: removed-api
# expect: 28
# runtime: warns Using a target size
import warnings
import torch
import torch.nn as nn

torch.manual_seed(0)
B, OBS, A, GAMMA = 5, 6, 3, 0.99
q_net = nn.Sequential(nn.Linear(OBS, 16), nn.ReLU(), nn.Linear(16, A))
q_target_net = nn.Sequential(nn.Linear(OBS, 16), nn.ReLU(), nn.Linear(16, A))
optimizer = torch.optim.RMSprop(q_net.parameters(), lr=1e-3)
s, n = torch.randn(B, OBS), torch.randn(B, OBS)
a = torch.randint(0, A, (B,))
r = torch.randn(B)
d = torch.tensor([False, False, True, False, False])

q_s = q_net(s)
q_sa_predicted = q_s.gather(dim=1, index=a.view(-1, 1))  # (B, 1), not (B,)
with torch.no_grad():
    q_n = q_target_net(n)
    q_na_max, _ = torch.max(q_n, dim=1)  # (B,)
    q_na_max[d] = 0.
    q_sa_target = r + GAMMA * q_na_max  # (B,)
with warnings.catch_warnings():
    warnings.simplefilter("always")
    loss = nn.functional.mse_loss(q_sa_predicted, q_sa_target)  # broadcasts to (B, B)

right = nn.functional.mse_loss(q_sa_predicted.view(-1), q_sa_target)
assert (q_sa_predicted - q_sa_target).shape == (B, B)
assert not torch.allclose(loss, right)  # every prediction is regressed on every sample's target
optimizer.zero_grad()
loss.backward()
optimizer.step()
