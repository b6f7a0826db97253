# report: https://github.com/NVlabs/MUNIT/blob/a82e222bc359892bd0f522d7a0f1573f3ec4a485/utils.py#L5
# family: removed-api
# expect: 7
# runtime: raises ImportError: cannot import name 'load_lua'
import torch
import torch.nn as nn
from torch.utils.serialization import load_lua


def load_vgg(path):
    vgg = nn.Sequential(nn.Conv2d(3, 8, 3, 1, 1), nn.ReLU())
    lua_net = load_lua(path)
    for src, dst in zip(lua_net.parameters()[0], vgg.parameters()):
        dst.data[:] = src
    return vgg


gen = nn.Sequential(nn.Conv2d(3, 3, 3, 1, 1), nn.Tanh())
opt = torch.optim.Adam(gen.parameters(), lr=1e-4)
loss = gen(torch.randn(2, 3, 8, 8)).abs().mean()
loss.backward()
opt.step()
