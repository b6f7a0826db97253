# report: https://github.com/oscardong0813/ml_projects/blob/46e5813cf305434f8f7234d2f80144be9a2bf274/algorithms/PPO/ppo.py#L36
# family: optimizer-misuse
# expect: 13
# runtime: asserts the critic optimizer holds the actor's parameters, so the critic's weights never change while its loss is backpropagated
import torch
import torch.nn as nn
from torch.optim import Adam

torch.manual_seed(0)
actor = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 2), nn.Softmax(dim=-1))
critic = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 1))
actor_optim = Adam(actor.parameters(), lr=1e-2)
critic_optim = Adam(actor.parameters(), lr=1e-2)

states = torch.randn(10, 4)
acts = torch.randint(0, 2, (10,)).float()
old_log_probs = torch.distributions.Categorical(actor(states)).log_prob(acts).detach()
rtg = torch.randn(10)
adv = torch.randn(10)
critic_before = [p.detach().clone() for p in critic.parameters()]

for _ in range(5):
    lp = torch.distributions.Categorical(actor(states)).log_prob(acts)
    ratio = torch.exp(lp - old_log_probs)
    actor_loss = -torch.min(ratio * adv, torch.clamp(ratio, 0.8, 1.2) * adv).mean()
    actor_optim.zero_grad()
    actor_loss.backward()
    actor_optim.step()

    v = critic(states).squeeze()
    critic_loss = nn.MSELoss()(v, rtg)
    critic_optim.zero_grad()
    critic_loss.backward()
    critic_optim.step()

assert critic[0].weight.grad is not None and critic[0].weight.grad.abs().sum() > 0
assert all(torch.equal(a, b) for a, b in zip(critic_before, critic.parameters()))
