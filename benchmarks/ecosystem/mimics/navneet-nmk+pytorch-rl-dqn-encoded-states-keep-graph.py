# report: https://github.com/navneet-nmk/pytorch-rl/blob/8329234822dcb977931c72db691eabf5b635788c/models/DQN.py#L232
# family: graph-kept
# expect: 32
# runtime: asserts every stored transition keeps its encoder graph alive: the random encoder runs with grad and its outputs go into the replay buffer
import collections
import torch
import torch.nn as nn

torch.manual_seed(0)
encoder = nn.Sequential(nn.Conv2d(1, 4, 3, stride=2, padding=1), nn.LeakyReLU(inplace=True),
                        nn.Flatten(), nn.Linear(4 * 4 * 4, 6))
q_net = nn.Linear(6, 3)


class ReplayBuffer:
    def __init__(self, capacity):
        self.memory = collections.deque(maxlen=capacity)

    def push(self, *transition):
        self.memory.append(transition)


buffer = ReplayBuffer(1000)
state = encoder(torch.rand(1, 8, 8).unsqueeze(0))
for step in range(20):
    with torch.no_grad():
        action = q_net(state).argmax(1)
    next_state = torch.rand(1, 8, 8)
    next_state = encoder(next_state.unsqueeze(0))
    reward = torch.tensor([0.1])
    done = torch.tensor([0.0])
    buffer.push(state, action, next_state, reward, done)
    state = next_state
# each buffered state still references a graph holding the conv activations
assert all(s.grad_fn is not None for s, *_ in buffer.memory)
assert all(ns.requires_grad for _, _, ns, _, _ in buffer.memory)
