# report: https://github.com/rlcode/per/blob/44b42eedbcc452fbe8be221f6597955a706c20cf/cartpole_per.py#L98
# family: detach-alias
# expect: 18
# runtime: asserts old_val = target[0][action] is a 0-dim view of target, so writing the TD target into target[0][action] also changes old_val and every new transition gets a zero TD error as its priority
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 24), nn.ReLU(), nn.Linear(24, 2))
target_model = nn.Sequential(nn.Linear(4, 24), nn.ReLU(), nn.Linear(24, 2))
discount_factor = 0.99
priorities = []


def append_sample(state, action, reward, next_state, done):
    target = model(torch.FloatTensor(state)).data
    q_sa = float(target[0][action])
    old_val = target[0][action]
    target_val = target_model(torch.FloatTensor(next_state)).data
    if done:
        target[0][action] = reward
    else:
        target[0][action] = reward + discount_factor * torch.max(target_val)
    error = abs(old_val - target[0][action])
    priorities.append(float(error))
    return q_sa, float(target[0][action])


for step in range(5):
    q_sa, td_target = append_sample(torch.randn(1, 4).numpy(), step % 2, 1.0, torch.randn(1, 4).numpy(), False)
    assert abs(q_sa - td_target) > 1e-3  # the real TD error is not zero

assert all(p == 0.0 for p in priorities)  # yet every stored priority is zero
