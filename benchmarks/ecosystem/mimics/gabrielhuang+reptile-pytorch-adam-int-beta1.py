# report: https://github.com/gabrielhuang/reptile-pytorch/blob/4c85a5da189498994b414de7fe7a401125345a62/train_omniglot.py#L161
# family: removed-api
# expect: 14
# runtime: raises ValueError: betas must be either both floats or both Tensors
import torch
from torch import nn

torch.manual_seed(0)
meta_net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(True), nn.Linear(8, 3), nn.LogSoftmax(1))
lr = 1e-3


def get_optimizer(net, state=None):
    optimizer = torch.optim.Adam(net.parameters(), lr=lr, betas=(0, 0.999))
    if state is not None:
        optimizer.load_state_dict(state)
    return optimizer


net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(True), nn.Linear(8, 3), nn.LogSoftmax(1))
net.load_state_dict(meta_net.state_dict())
optimizer = get_optimizer(net)
x, y = torch.randn(5, 4), torch.randint(0, 3, (5,))
loss = nn.NLLLoss()(net(x), y)
optimizer.zero_grad()
loss.backward()
optimizer.step()
