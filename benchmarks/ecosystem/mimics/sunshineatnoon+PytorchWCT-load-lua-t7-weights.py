# report: https://github.com/sunshineatnoon/PytorchWCT/blob/ee9d813020155cbb5c6e3937290cff3650f6ce8e/util.py#L3
# family: removed-api
# expect: 7
# runtime: raises ImportError: cannot import name 'load_lua'
import torch
import torch.nn as nn
from torch.utils.serialization import load_lua


class Encoder1(nn.Module):
    def __init__(self, lua_net):
        super().__init__()
        self.conv = nn.Conv2d(3, 3, 1)
        self.conv.weight.data.copy_(torch.as_tensor(lua_net.get(0).weight))


enc = Encoder1(load_lua('vgg_normalised_conv1_1.t7'))
print(enc(torch.randn(1, 3, 8, 8)).shape)
