# report: https://github.com/dxyang/DQN_pytorch/blob/43fe371b4f9abd9fa11d21eb77fb35bc0f474a12/learn.py#L229
# family: non-scalar-backward
# expect: 27
# runtime: raises RuntimeError: Mismatch in shape
import torch
import torch.nn as nn

torch.manual_seed(0)
B, N_OBS, N_ACT = 5, 6, 3
Q = nn.Sequential(nn.Linear(N_OBS, 16), nn.ReLU(), nn.Linear(16, N_ACT))
Q_target = nn.Sequential(nn.Linear(N_OBS, 16), nn.ReLU(), nn.Linear(16, N_ACT))
opt = torch.optim.RMSprop(Q.parameters(), lr=1e-3)

obs_t, obs_tp1 = torch.randn(B, N_OBS), torch.randn(B, N_OBS)
act_t = torch.randint(0, N_ACT, (B,))
rew_t = torch.randn(B)
done_mask = torch.zeros(B)

q_s_a = Q(obs_t).gather(1, act_t.unsqueeze(1)).squeeze()  # (B,)
q_tp1 = Q_target(obs_tp1).detach()
q_s_a_prime, _ = q_tp1.max(1)
q_s_a_prime = (1 - done_mask) * q_s_a_prime
error = rew_t + 0.99 * q_s_a_prime - q_s_a
clipped_error = -1.0 * error.clamp(-1, 1)

opt.zero_grad()
q_s_a.backward(clipped_error.data.unsqueeze(1))  # a (B, 1) gradient for a (B,) output
opt.step()
