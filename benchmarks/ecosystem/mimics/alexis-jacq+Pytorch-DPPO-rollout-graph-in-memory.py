# report: https://github.com/alexis-jacq/Pytorch-DPPO/blob/ec9303419078689d38a0eb89f220f69e3e105897/train.py#L124
# family: graph-kept
# expect: 22 25
# runtime: raises RuntimeError: modified by an inplace operation
import random
import torch
import torch.nn as nn

torch.manual_seed(0)
random.seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))
v_head = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))
shared_model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))

# rollout: actions and returns keep their graph through the model
states, actions, returns, advantages = [], [], [], []
state = torch.randn(1, 3)
for step in range(4):
    states.append(state)
    mu = model(state)
    action = mu + torch.randn(mu.size())
    actions.append(action)
    v = v_head(state)
    advantages.append(torch.zeros(1, 1) + 0.5)
    returns.append(0.5 + v)
    state = torch.randn(1, 3)

# epochs: reload the shared weights, then learn from the stored rollout
model.load_state_dict(shared_model.state_dict())
model.zero_grad()
batch = random.sample(list(zip(states, actions, returns, advantages)), 3)
batch_states, batch_actions, batch_returns, batch_advantages = (torch.cat(x, 0) for x in zip(*batch))
mu = model(batch_states)
probs = torch.exp(-(batch_actions - mu).pow(2))
loss = -(probs * batch_advantages).mean() + (v_head(batch_states) - batch_returns).pow(2).mean()
loss.backward()
