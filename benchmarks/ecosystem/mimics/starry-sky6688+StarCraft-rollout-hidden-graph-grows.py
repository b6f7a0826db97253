# report: https://github.com/starry-sky6688/StarCraft/blob/43ea7a6d6321722ea2878a4e910ae84ad212705c/agent/agent.py#L72
# family: graph-kept
# expect: 40,47
# runtime: asserts the acting GRU hidden state carries autograd history: every rollout step of every agent is chained onto it, so the graph (and its saved tensors) grows for the whole episode
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
N_AGENTS, OBS, HID, ACTS = 3, 6, 8, 4


class AgentRNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.gru, self.fc2 = nn.Linear(OBS, HID), nn.GRUCell(HID, HID), nn.Linear(HID, ACTS)

    def forward(self, x, h):
        h = self.gru(F.relu(self.fc1(x)), h.reshape(-1, HID))
        return self.fc2(h), h


def graph_size(t):
    seen, stack = set(), [t.grad_fn]
    while stack:
        fn = stack.pop()
        if fn is None or fn in seen:
            continue
        seen.add(fn)
        stack.extend(nxt for nxt, _ in fn.next_functions)
    return len(seen)


rnn = AgentRNN()
eval_hidden = torch.zeros(1, N_AGENTS, HID)  # init_hidden(1) at episode start
sizes = []
for step in range(6):  # rollout: no torch.no_grad()
    for agent in range(N_AGENTS):
        h = eval_hidden[:, agent, :]
        q, eval_hidden[:, agent, :] = rnn(torch.randn(1, OBS), h)
        action = torch.argmax(q)
    sizes.append(graph_size(eval_hidden))

# communication agents: hidden state reassigned from the forward output each step
comm_hidden = torch.zeros(N_AGENTS, HID)
for step in range(6):
    w, comm_hidden = rnn(torch.randn(N_AGENTS, OBS), comm_hidden)
print("graph nodes held by eval_hidden per step:", sizes, "comm:", graph_size(comm_hidden))
assert eval_hidden.requires_grad and sizes[-1] > 5 * sizes[0]
assert comm_hidden.requires_grad and graph_size(comm_hidden) > 30
