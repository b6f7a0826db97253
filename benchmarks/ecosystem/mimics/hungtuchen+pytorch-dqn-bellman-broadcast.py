# report: https://github.com/hungtuchen/pytorch-dqn/blob/1ffda6f3724b3bb37c3195b09b651b1682d4d4fd/dqn_learn.py#L205
# family: non-scalar-backward
# expect: 26 29
# runtime: raises RuntimeError: Mismatch in shape
import torch
import torch.nn as nn

torch.manual_seed(0)
Q = nn.Linear(4, 3)
target_Q = nn.Linear(4, 3)
target_Q.load_state_dict(Q.state_dict())
optimizer = torch.optim.RMSprop(Q.parameters(), lr=1e-3)
gamma = 0.99

batch = 5
obs_batch = torch.randn(batch, 4)
act_batch = torch.randint(0, 3, (batch,))
rew_batch = torch.randn(batch)
next_obs_batch = torch.randn(batch, 4)
not_done_mask = torch.ones(batch)

current_Q_values = Q(obs_batch).gather(1, act_batch.unsqueeze(1))  # (B, 1)
next_max_q = target_Q(next_obs_batch).detach().max(1)[0]  # (B,)
next_Q_values = not_done_mask * next_max_q
target_Q_values = rew_batch + (gamma * next_Q_values)  # (B,)
bellman_error = target_Q_values - current_Q_values  # broadcasts to (B, B)
d_error = bellman_error.clamp(-1, 1) * -1.0
optimizer.zero_grad()
current_Q_values.backward(d_error.data.unsqueeze(1))  # a (B, 1, B) gradient for a (B, 1) output
optimizer.step()
