# report: https://github.com/seungeunrho/minimalRL/blob/c8efed8481e3cd40e9739cfde220a55522555b57/ppo-lstm.py#L115
# family: graph-kept
# expect: 28
# runtime: asserts the rollout's LSTM hidden state chains every step's graph back to the first step of the episode
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
fc1 = nn.Linear(4, 16)
lstm = nn.LSTM(16, 8)
fc_pi = nn.Linear(8, 2)


def pi(x, hidden):
    x = F.relu(fc1(x)).view(-1, 1, 16)
    x, new_hidden = lstm(x, hidden)
    return F.softmax(fc_pi(x), dim=2), new_hidden


stored = []
h_out = (torch.zeros(1, 1, 8), torch.zeros(1, 1, 8))
first_out = None
for step in range(6):
    h_in = h_out
    # acting needs no gradient, but the hidden state is neither detached nor computed under no_grad:
    # each step's graph hangs on the previous one for the whole episode
    prob, h_out = pi(torch.randn(4), h_in)
    action = torch.multinomial(prob.view(-1), 1).item()
    stored.append((action, prob.view(-1)[action].item(), h_in, h_out))
    if first_out is None:
        first_out = h_out[0]

(reach,) = torch.autograd.grad(h_out[0].sum(), first_out)
assert h_out[0].requires_grad and reach.abs().sum() > 0
