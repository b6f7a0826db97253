# report: https://github.com/uvipen/Flappy-bird-deep-Q-learning-pytorch/blob/c4f2c363d7f887b0e2d028367deef40568f638cc/train.py#L103
# family: gan-step
# expect: 21
# runtime: asserts the DQN loss backpropagates through the bootstrap target max Q(s', .) of the same online network (y_batch is not detached), so the gradient differs from the TD semi-gradient
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 2))
criterion = nn.MSELoss()
state_batch, next_state_batch = torch.randn(5, 6), torch.randn(5, 6)
action_batch = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
reward_batch = torch.rand(5, 1)
terminal_batch = (False, True, False, False, False)


def dqn_grad(detach_target):
    model.zero_grad()
    current_prediction_batch = model(state_batch)
    next_prediction_batch = model(next_state_batch)
    y_batch = torch.cat(tuple(reward if terminal else reward + 0.99 * torch.max(prediction)
                              for reward, terminal, prediction in zip(reward_batch, terminal_batch, next_prediction_batch)))
    if detach_target:
        y_batch = y_batch.detach()
    q_value = torch.sum(current_prediction_batch * action_batch, dim=1)
    criterion(q_value, y_batch).backward()
    return model[0].weight.grad.clone()


as_written, semi_gradient = dqn_grad(False), dqn_grad(True)
assert not torch.allclose(as_written, semi_gradient)  # gradient also flows through max Q(s', .)
