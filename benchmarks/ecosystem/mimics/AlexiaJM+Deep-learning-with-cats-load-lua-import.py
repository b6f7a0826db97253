# report: https://github.com/AlexiaJM/Deep-learning-with-cats/blob/f895e5af0ecf77a1e9db2a999d70c5655af6d3bd/Making%20art%20with%20cats%20(style%20transfer)/FastNeuralTransfer.py#L107
# family: removed-api
# expect: 8
# runtime: raises ImportError: cannot import name 'load_lua'
import torch
import torch.nn as nn

from torch.utils.serialization import load_lua

VGG16 = nn.Conv2d(3, 64, 3, 1, 1)
VGG16_Lua = load_lua('vgg16.t7')
for (src, dst) in zip(VGG16_Lua.parameters()[0], VGG16.parameters()):
    dst.data[:] = src
