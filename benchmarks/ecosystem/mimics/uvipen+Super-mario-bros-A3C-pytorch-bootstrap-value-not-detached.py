# report: https://github.com/uvipen/Super-mario-bros-A3C-pytorch/blob/08ca511b82d2d8acbe93b9568136f05064ec7d0b/src/process.py#L89
# family: gan-step
# expect: 23
# runtime: asserts the critic loss backpropagates through the bootstrap value R = V(s_T) of the same model (R is not detached), so the critic gradient differs from the TD semi-gradient it means
import torch
import torch.nn as nn

torch.manual_seed(0)


class ActorCritic(nn.Module):
    def __init__(self):
        super().__init__()
        self.body, self.actor, self.critic = nn.Linear(4, 8), nn.Linear(8, 2), nn.Linear(8, 1)

    def forward(self, x):
        h = torch.relu(self.body(x))
        return self.actor(h), self.critic(h)


def critic_grad(model, states, rewards, last_state, detach_bootstrap):
    values = [model(s)[1] for s in states]
    _, R = model(last_state)
    if detach_bootstrap:
        R = R.detach()
    critic_loss = 0
    for value, reward in list(zip(values, rewards))[::-1]:
        R = R * 0.9 + reward
        critic_loss = critic_loss + (R - value) ** 2 / 2
    model.zero_grad()
    critic_loss.backward()
    return model.critic.weight.grad.clone()


model = ActorCritic()
states = [torch.randn(1, 4) for _ in range(5)]
rewards = [1.0, 0.0, 0.5, 0.0, 1.0]
last = torch.randn(1, 4)
as_written = critic_grad(model, states, rewards, last, detach_bootstrap=False)
semi_gradient = critic_grad(model, states, rewards, last, detach_bootstrap=True)
assert not torch.allclose(as_written, semi_gradient)  # gradient also flows into V(s_T) through the target
