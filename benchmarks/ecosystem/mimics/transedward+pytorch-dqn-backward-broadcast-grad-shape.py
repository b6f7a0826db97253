# report: https://github.com/transedward/pytorch-dqn/blob/1ffda6f3724b3bb37c3195b09b651b1682d4d4fd/dqn_learn.py#L213
# family: non-scalar-backward
# expect: 31
# runtime: raises RuntimeError: Mismatch in shape
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
B, n_obs, n_act, gamma = 5, 6, 3, 0.99
Q, target_Q = nn.Linear(n_obs, n_act), nn.Linear(n_obs, n_act)
optimizer = torch.optim.RMSprop(Q.parameters(), lr=2.5e-4, alpha=0.95, eps=0.01)

obs_batch = torch.randn(B, n_obs)
act_batch = torch.from_numpy(np.random.randint(0, n_act, B)).long()
rew_batch = torch.from_numpy(np.random.rand(B).astype(np.float32))
next_obs_batch = torch.randn(B, n_obs)
done_mask = np.zeros(B, dtype=np.float32)
not_done_mask = torch.from_numpy(1 - done_mask)

current_Q_values = Q(obs_batch).gather(1, act_batch.unsqueeze(1))  # (B, 1)
next_max_q = target_Q(next_obs_batch).detach().max(1)[0]  # (B,)
next_Q_values = not_done_mask * next_max_q
target_Q_values = rew_batch + (gamma * next_Q_values)
bellman_error = target_Q_values - current_Q_values  # broadcasts to (B, B)
clipped_bellman_error = bellman_error.clamp(-1, 1)
d_error = clipped_bellman_error * -1.0
optimizer.zero_grad()
assert d_error.shape == (B, B)
# the gradient handed to backward is (B, 1, B) for an output of (B, 1)
current_Q_values.backward(d_error.data.unsqueeze(1))
optimizer.step()
