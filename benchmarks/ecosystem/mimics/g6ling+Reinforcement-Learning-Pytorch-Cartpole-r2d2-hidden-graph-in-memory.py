# report: https://github.com/g6ling/Reinforcement-Learning-Pytorch-Cartpole/blob/ecb7b622cfefe825ac95388cceb6752413d90a2a/POMDP/4-R2D2-Single/train.py#L86
# family: graph-kept
# expect: 36
# runtime: asserts the LSTM hidden state from acting (no no_grad) is pushed into the replay buffer with its graph, which chains back through every earlier step of the episode
import torch
import torch.nn as nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=2, hidden_size=16, batch_first=True)
head = nn.Linear(16, 2)
memory = []


def get_action(state, hidden):
    out, hidden = lstm(state.view(1, 1, 2), hidden)
    q = head(out)
    _, action = torch.max(q, 2)
    return action.numpy()[0][0], hidden


def graph_size(t):
    seen, stack = set(), [t.grad_fn]
    while stack:
        fn = stack.pop()
        if fn is None or fn in seen:
            continue
        seen.add(fn)
        stack.extend(f for f, _ in fn.next_functions)
    return len(seen)


hidden = (torch.zeros(1, 1, 16), torch.zeros(1, 1, 16))
state = torch.randn(2)
for step in range(40):
    action, new_hidden = get_action(state, hidden)
    memory.append((state, action, torch.stack(hidden).view(2, -1)))
    hidden = new_hidden
    state = torch.randn(2)

stored = memory[-1][2]
assert stored.requires_grad and stored.grad_fn is not None
assert graph_size(memory[-1][2]) > 10 * graph_size(memory[2][2])  # every stored state keeps the whole episode's graph
