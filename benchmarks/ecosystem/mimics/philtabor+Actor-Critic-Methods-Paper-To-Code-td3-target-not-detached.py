# report: https://github.com/philtabor/Actor-Critic-Methods-Paper-To-Code/blob/10d46855496eb2dd2edc3b27db898950ce62f624/TD3/td3_torch.py#L96
# family: gan-step
# expect: 28
# runtime: asserts the TD target built from target_actor/target_critic keeps its graph: critic_loss.backward() fills the target networks' .grad, which accumulate every update (never zeroed)
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
actor, target_actor = nn.Linear(3, 1), nn.Linear(3, 1)
critic_1, target_critic_1 = nn.Linear(4, 1), nn.Linear(4, 1)
critic_2, target_critic_2 = nn.Linear(4, 1), nn.Linear(4, 1)
target_critic_1.load_state_dict(critic_1.state_dict())
opt_1 = torch.optim.Adam(critic_1.parameters(), lr=1e-3)
opt_2 = torch.optim.Adam(critic_2.parameters(), lr=1e-3)
gamma, batch_size = 0.99, 5
history = []
for step in range(2):
    state, state_ = torch.randn(batch_size, 3), torch.randn(batch_size, 3)
    action, reward = torch.randn(batch_size, 1), torch.randn(batch_size)
    done = torch.tensor([False, False, True, False, False])
    target_actions = torch.tanh(target_actor(state_))
    q1_ = target_critic_1(torch.cat([state_, target_actions], 1))
    q2_ = target_critic_2(torch.cat([state_, target_actions], 1))
    q1_[done] = 0.0
    q2_[done] = 0.0
    target = reward + gamma * torch.min(q1_.view(-1), q2_.view(-1))
    target = target.view(batch_size, 1)
    q1 = critic_1(torch.cat([state, action], 1))
    q2 = critic_2(torch.cat([state, action], 1))
    opt_1.zero_grad()
    opt_2.zero_grad()
    (F.mse_loss(target, q1) + F.mse_loss(target, q2)).backward()
    opt_1.step()
    opt_2.step()
    history.append(target_actor.weight.grad.clone())
assert target_critic_1.weight.grad is not None
assert not torch.allclose(history[0], history[1])
