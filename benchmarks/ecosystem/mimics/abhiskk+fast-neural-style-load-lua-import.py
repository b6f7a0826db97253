# report: https://github.com/abhiskk/fast-neural-style/blob/df085308a7af0fdde7621ce83b2911f58c8d1c55/neural_style/utils.py#L7
# family: removed-api
# expect: 9
# runtime: raises ImportError: cannot import name 'load_lua'
import torch
import torch.nn as nn

# the helper module imports the Lua-torch loader to convert the VGG weights
from torch.utils.serialization import load_lua


def convert(path, model):
    lua_model = load_lua(path)
    for src, dst in zip(lua_model.parameters()[0], model.parameters()):
        dst.data[:] = src
    return model
