# report: https://github.com/Time1ess/PyTorch-DQN/blob/ab69359568e43b563088e4a110143cb5266b6259/model.py#L158
# family: removed-api
# expect: 21 25
# runtime: asserts the TD target is not cut: volatile=True does nothing, so every loss.backward() fills the target network's .grad
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
B = 6
dqn = nn.Linear(8, 4)
target_dqn = nn.Linear(8, 4)
target_dqn.load_state_dict(dqn.state_dict())
criterion = nn.SmoothL1Loss()
optimizer = torch.optim.RMSprop(dqn.parameters(), lr=1e-3)
observations = Variable(torch.randn(B, 8))
actions = Variable(torch.randint(0, 4, (B, 1)))
rewards = Variable(torch.randn(B))
next_observations = Variable(torch.randn(B, 8), volatile=True)
next_rewards = target_dqn(next_observations).max(1)[0]
next_rewards = next_rewards * 1.0
target_rewards = (rewards + 0.99 * next_rewards).view(-1, 1)
target_rewards.volatile = False
prediction_rewards = dqn(observations).gather(1, actions)
loss = criterion(prediction_rewards, target_rewards)
optimizer.zero_grad()
loss.backward()
optimizer.step()
# the target network was meant to be a constant; it now holds gradients
assert target_rewards.grad_fn is not None
assert target_dqn.weight.grad is not None and target_dqn.weight.grad.abs().sum() > 0
