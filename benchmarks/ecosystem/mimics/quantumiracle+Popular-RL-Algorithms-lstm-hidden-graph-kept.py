# report: https://github.com/quantumiracle/Popular-RL-Algorithms/blob/3b814ea159f1fc0b521d6e0e699a7945f770f105/common/policy_networks.py#L438
# family: graph-kept
# expect: 25
# runtime: asserts get_action returns the LSTM hidden state with its graph: within an episode each step's hidden chains onto the last (the graph grows every step), and the replay buffer keeps every episode's initial hidden with its graph alive
import torch
import torch.nn as nn

torch.manual_seed(0)


def count_nodes(fn, seen=None):
    seen = set() if seen is None else seen
    if fn is None or fn in seen:
        return 0
    seen.add(fn)
    return 1 + sum(count_nodes(n, seen) for n, _ in fn.next_functions)


class RecurrentPolicy(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm, self.mean = nn.LSTM(3, 8), nn.Linear(8, 1)

    def get_action(self, state, hidden_in):
        out, hidden_out = self.lstm(torch.FloatTensor(state).view(1, 1, 3), hidden_in)
        action = torch.tanh(self.mean(out))
        return action.detach().numpy()[0][0], hidden_out


policy = RecurrentPolicy()
replay_buffer = []
sizes = []
for episode in range(2):
    hidden_out = (torch.zeros(1, 1, 8), torch.zeros(1, 1, 8))
    for step in range(4):
        hidden_in = hidden_out
        action, hidden_out = policy.get_action(torch.randn(3).numpy(), hidden_in)
        if step == 0:
            ini_hidden_in, ini_hidden_out = hidden_in, hidden_out
        sizes.append(count_nodes(hidden_out[0].grad_fn))
    replay_buffer.append((ini_hidden_in, ini_hidden_out))

assert sizes[0] < sizes[1] < sizes[2] < sizes[3]  # one more LSTM step of graph per env step
assert all(h[1][0].grad_fn is not None for h in replay_buffer)  # stored hiddens keep their graphs
