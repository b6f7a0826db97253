# report: https://github.com/lukDev/awr_pytorch/blob/2676cee7787b158b553c9016f157cdd7bf35a7bd/src/agent.py#L109
# family: graph-kept
# expect: 28
# runtime: asserts avg_loss += loss sums the returned loss tensors with their grad_fn: avg_loss is a graph chaining every critic step's loss node over the epoch
import torch
import torch.nn as nn

torch.manual_seed(0)
critic = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.BatchNorm1d(16), nn.Linear(16, 1))
optimiser = torch.optim.SGD(critic.parameters(), lr=1e-2, momentum=0.9)
criterion = nn.MSELoss()


def critic_backward(out, target):
    loss = criterion(out, target.float())
    optimiser.zero_grad()
    loss.backward()
    optimiser.step()
    return loss


critic_steps = 5
avg_loss = 0.
for _ in range(critic_steps):
    ins, tars = torch.randn(8, 4), torch.randn(8)
    outs = critic(ins)
    loss = critic_backward(outs.squeeze(1), tars)
    avg_loss += loss
avg_loss /= critic_steps

assert avg_loss.requires_grad and avg_loss.grad_fn is not None
depth, node = 0, avg_loss.grad_fn
while node is not None and node.next_functions:
    node = node.next_functions[0][0]
    depth += 1
assert depth >= critic_steps  # one add node per step, each holding that step's loss graph
