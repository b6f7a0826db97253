# report: https://github.com/kimhc6028/pytorch-noreward-rl/blob/b0cfb5b58509f2b1555671e18b9cee0230fc2a55/test.py#L58
# family: removed-api
# expect: 20,22
# runtime: raises IndexError: too many indices for array
import torch
import torch.nn.functional as F

torch.manual_seed(0)
net = torch.nn.Linear(8, 4)
model_out = net(torch.randn(1, 8))
value, logit = model_out[:, :1], model_out[:, 1:]


def env_step(a):
    return torch.randn(8), 0.0, False


prob = F.softmax(logit, dim=1)
action = prob.max(1)[1].data.numpy()  # shape (1,), was (1, 1)
state, reward, done = env_step(action[0, 0])
recent = []
recent.append(action[0, 0])
