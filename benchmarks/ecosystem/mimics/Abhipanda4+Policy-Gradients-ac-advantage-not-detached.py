# report: https://github.com/Abhipanda4/Policy-Gradients/blob/a340a22cd0410449e6446e108449c781165c02c1/Actor-Critic/train.py#L61
# family: gan-step
# expect: 27
# runtime: asserts the advantage R - V(s) is not detached, so actor_loss.backward() also writes the policy-gradient term into the critic's .grad and critic_optimizer.step() applies it
import torch
import torch.nn as nn
from torch.distributions import Categorical

torch.manual_seed(0)
actor = nn.Sequential(nn.Linear(4, 24), nn.ReLU(), nn.Linear(24, 2), nn.Softmax(dim=1))
critic = nn.Sequential(nn.Linear(4, 24), nn.ReLU(), nn.Linear(24, 1))
actor_optimizer = torch.optim.Adam(actor.parameters(), lr=1e-4)
critic_optimizer = torch.optim.Adam(critic.parameters(), lr=8e-4)

rewards, state_vals, log_probs = [], [], []
for t in range(6):
    S = torch.randn(1, 4)
    state_vals.append(critic(S))
    m = Categorical(actor(S))
    A = m.sample()
    log_probs.append(m.log_prob(A))
    rewards.append(1.0 if t < 5 else -5.0)

R, actor_loss, critic_loss = 0, 0, 0
for i in reversed(range(len(rewards))):
    R = rewards[i] + 0.99 * R
    advantage = R - state_vals[i]
    actor_loss += -advantage * log_probs[i]
    critic_loss += advantage ** 2

actor_optimizer.zero_grad()
critic_optimizer.zero_grad()
actor_loss.sum().backward(retain_graph=True)
grad_from_actor_loss = critic[0].weight.grad.clone()
critic_loss.sum().backward()
actor_optimizer.step()
critic_optimizer.step()

assert grad_from_actor_loss.abs().sum() > 0  # the actor loss trained the critic
