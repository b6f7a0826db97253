# report: https://github.com/philtabor/Actor-Critic-Methods-Paper-To-Code/blob/10d46855496eb2dd2edc3b27db898950ce62f624/ActorCritic/actor_critic_torch.py#L60
# family: gan-step
# expect: 33
# runtime: asserts the actor loss -log_prob*delta backpropagates through delta into the value head: v gets gradient from the policy term
import torch
import torch.nn as nn
import torch.nn.functional as F


class ActorCriticNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(3, 8)
        self.pi = nn.Linear(8, 2)
        self.v = nn.Linear(8, 1)

    def forward(self, state):
        x = F.relu(self.fc1(state))
        return self.pi(x), self.v(x)


torch.manual_seed(0)
net = ActorCriticNetwork()
optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
observation, observation_ = [0.1, -0.2, 0.3], [0.2, 0.1, -0.4]
probs, _ = net(torch.tensor([observation], dtype=torch.float))
dist = torch.distributions.Categorical(F.softmax(probs, dim=1))
log_prob = dist.log_prob(dist.sample())
optimizer.zero_grad()
_, critic_value = net(torch.tensor([observation], dtype=torch.float))
_, critic_value_ = net(torch.tensor([observation_], dtype=torch.float))
delta = torch.tensor(1.0) + 0.99 * critic_value_ * (1 - int(False)) - critic_value
actor_loss = -log_prob * delta
critic_loss = delta ** 2
g_actor_v, = torch.autograd.grad(actor_loss.sum(), net.v.weight, retain_graph=True)
(actor_loss + critic_loss).backward()
optimizer.step()
assert g_actor_v.abs().sum() > 0
