# report: https://github.com/PacktPublishing/PyTorch-1.x-Reinforcement-Learning-Cookbook/blob/7ded3e1221cb1fa40bc97c626d0b53df3da80df4/Chapter09/dqn.py#L90
# family: gan-step
# expect: 23
# runtime: asserts the TD target reward + gamma*max Q(s') keeps the graph of the same online network (predict() has no no_grad and the target is never detached), so the update is a residual gradient, not the DQN semi-gradient
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 2))
criterion = nn.MSELoss()
B, gamma = 4, 0.99
state_batch = torch.randn(B, 6)
next_state_batch = torch.randn(B, 6)
reward_batch = torch.tensor([[0.1], [1.0], [-1.0], [0.1]])
done_batch = (False, False, True, False)
action_batch = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.0, 1.0]])


def grads(detach):
    model.zero_grad()
    q_value = torch.sum(model(state_batch) * action_batch, dim=1)
    q_values_next_batch = model(next_state_batch)
    td_targets = torch.cat(tuple(r if t else r + gamma * torch.max(p) for r, t, p in zip(reward_batch, done_batch, q_values_next_batch)))
    if detach:
        td_targets = td_targets.detach()
    criterion(q_value, td_targets).backward()
    return model[0].weight.grad.clone()


buggy = grads(detach=False)
right = grads(detach=True)
assert not torch.allclose(buggy, right)
