# report: https://github.com/KuNyaa/berkeleydeeprlcourse-homework-pytorch-solution/blob/a7ffcc94d0387aa6c4cee949c47657aaa8176fe0/hw3/dqn.py#L120
# family: optimizer-misuse
# expect: 20
# runtime: asserts gradient clipping sees an exhausted parameters() generator and clips nothing
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
q_net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
target_net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
target_net.load_state_dict(q_net.state_dict())
max_norm = 0.01

parameters = q_net.parameters()  # a generator, used up by the optimizer below
optimizer = torch.optim.Adam(parameters, lr=1e-3)


def clip_grad_norm_fn():
    return nn.utils.clip_grad_norm_(parameters, max_norm=max_norm)


obs, nxobs = torch.randn(8, 4), torch.randn(8, 4)
act, rew, done = torch.randint(0, 2, (8, 1)), torch.randn(8) * 10, torch.zeros(8)
with torch.no_grad():
    target = rew + (1 - done) * 0.99 * target_net(nxobs).max(-1)[0]
pred = q_net(obs).gather(-1, act).view(-1)
loss = F.smooth_l1_loss(pred, target)
optimizer.zero_grad()
loss.backward()
reported = clip_grad_norm_fn()
optimizer.step()

true_norm = torch.norm(torch.stack([p.grad.norm() for p in q_net.parameters()]))
assert float(reported) == 0.0  # the clip saw no parameters
assert float(true_norm) > 10 * max_norm  # the gradient was never clipped
