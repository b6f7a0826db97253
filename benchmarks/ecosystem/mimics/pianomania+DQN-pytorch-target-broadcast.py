# report: https://github.com/pianomania/DQN-pytorch/blob/207cbad8161e4b6ce4e4dd9656ac9901f7374a54/train.py#L104
# family: removed-api
# expect: 25
# runtime: asserts the (B,) max-Q target times the (B,1) mask broadcasts to (B,B): the TD loss mixes every reward with every next state (0.1.12 matched same-size tensors elementwise)
import torch
import torch.autograd as autograd
import torch.nn as nn

torch.manual_seed(0)
B, GAMMA = 4, 0.99
dqn = nn.Sequential(nn.Linear(5, 3))
target_dqn = nn.Sequential(nn.Linear(5, 3))
target_dqn.load_state_dict(dqn.state_dict())
optimz = torch.optim.RMSprop(dqn.parameters(), lr=1e-3)

var_batch_r = autograd.Variable(torch.Tensor(B, 1))
var_batch_r_mask = autograd.Variable(torch.Tensor(B, 1), requires_grad=False)
var_batch_r.data.copy_(torch.tensor([[1.0], [0.0], [-1.0], [0.5]]))
var_batch_r_mask.data.copy_(torch.tensor([[1.0], [1.0], [0.0], [1.0]]))
phi, phi_next = torch.randn(B, 5), torch.randn(B, 5)
a = torch.tensor([[0], [2], [1], [0]])

optimz.zero_grad()
batch_target_q, _ = target_dqn(phi_next).max(dim=1)  # shape (B,)
y = var_batch_r + batch_target_q.mul(GAMMA).mul(var_batch_r_mask)
y = y.detach()
batch_q = dqn(phi).gather(1, a)  # (B, 1)
loss = y.sub(batch_q).pow(2).mean()
loss.backward()
optimz.step()

intended = (var_batch_r + GAMMA * batch_target_q.detach().unsqueeze(1) * var_batch_r_mask).sub(batch_q.detach()).pow(2).mean()
assert y.shape == (B, B)
assert not torch.allclose(loss.detach(), intended)
