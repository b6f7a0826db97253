# report: https://github.com/g6ling/Reinforcement-Learning-Pytorch-Cartpole/blob/ecb7b622cfefe825ac95388cceb6752413d90a2a/parallel/2-A3C/worker.py#L34
# family: graph-kept
# expect: 32
# runtime: asserts the worker puts the loss with its graph on the result queue: the feeder thread fails (RuntimeError: Cowardly refusing to serialize non-leaf tensor which requires_grad) and drops the entry, so the trainer never receives it
import queue

import torch
import torch.multiprocessing as mp
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
res_queue = mp.Queue()
global_ep, global_ep_r = 0, 0.0


def push(states, returns):
    out = model(states)
    loss = (returns - out[:, 0]).pow(2).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss


loss = push(torch.randn(6, 4), torch.randn(6))
score = 17.0
global_ep += 1
global_ep_r = 0.99 * global_ep_r + 0.01 * score

res_queue.put([global_ep, global_ep_r, loss])
try:
    received = res_queue.get(timeout=0.5)
except queue.Empty:
    received = None
res_queue.close()
res_queue.join_thread()

assert loss.requires_grad and loss.grad_fn is not None
assert received is None  # the result never arrived
