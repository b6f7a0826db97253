# report: https://github.com/takeshi8989/RL_Algorithms/blob/67123f84034c1b6e1d5f457db9b303c3d0bc06ae/a2c/a2c.py#L60
# family: gan-step
# expect: 18
# runtime: asserts the TD target reward + gamma*V(s') is not detached: the critic loss also backpropagates through V(s'), a residual gradient that differs from the semi-gradient TD update
import torch
import torch.nn as nn

torch.manual_seed(0)
critic = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))
s, s_next = torch.randn(1, 4), torch.randn(1, 4)
reward, gamma = 1.0, 0.99


def critic_grad(detach_target):
    critic.zero_grad()
    state_value = critic(s)
    next_value = critic(s_next)
    target_value = reward + gamma * next_value
    if detach_target:
        target_value = target_value.detach()
    critic_loss = (target_value - state_value) ** 2
    critic_loss.backward()
    return [p.grad.clone() for p in critic.parameters()]


g_bug = critic_grad(False)
g_ok = critic_grad(True)
assert any(not torch.allclose(a, b) for a, b in zip(g_bug, g_ok))
