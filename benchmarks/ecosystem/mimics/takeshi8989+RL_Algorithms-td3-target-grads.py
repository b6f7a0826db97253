# report: https://github.com/takeshi8989/RL_Algorithms/blob/67123f84034c1b6e1d5f457db9b303c3d0bc06ae/td3/td3.py#L70
# family: gan-step
# expect: 24
# runtime: asserts the TD3 target, computed outside no_grad, sends critic_loss gradients into actor_target and both target critics, whose .grad accumulate every update
import copy
import torch
import torch.nn as nn

torch.manual_seed(0)
actor = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1), nn.Tanh())
critic1 = nn.Linear(4, 1)
critic2 = nn.Linear(4, 1)
actor_target = copy.deepcopy(actor)
critic1_target, critic2_target = copy.deepcopy(critic1), copy.deepcopy(critic2)
critic_opt = torch.optim.Adam(list(critic1.parameters()) + list(critic2.parameters()), lr=1e-3)

norms = []
for _ in range(2):
    s, a, s2 = torch.randn(5, 3), torch.randn(5, 1), torch.randn(5, 3)
    r, d = torch.randn(5, 1), torch.zeros(5, 1)
    noise = torch.clamp(torch.randn(5, 1) * 0.2, -0.5, 0.5)
    next_a = torch.clamp(actor_target(s2) + noise, -1, 1)
    sa2 = torch.cat([s2, next_a], 1)
    target_q = r + (1 - d) * 0.99 * torch.min(critic1_target(sa2), critic2_target(sa2))
    sa = torch.cat([s, a], 1)
    critic_loss = nn.MSELoss()(critic1(sa), target_q) + nn.MSELoss()(critic2(sa), target_q)
    critic_opt.zero_grad()
    critic_loss.backward()
    critic_opt.step()
    norms.append(actor_target[0].weight.grad.norm().item())

assert critic1_target.weight.grad is not None and actor_target[0].weight.grad is not None
assert norms[1] != norms[0]  # never zeroed: accumulates across updates
