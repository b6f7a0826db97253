# report: https://github.com/TianhongDai/reinforcement-learning-algorithms/blob/aad8862540578682cb3d6780c5e2b2909016ec39/rl_algorithms/trpo/demo.py#L23
# family: removed-api
# expect: 34
# runtime: raises UnpicklingError: Weights only load failed
import io
import sys
import types
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
filter_module = types.ModuleType("running_filter")  # the repo's rl_utils running_filter module
sys.modules["running_filter"] = filter_module


class ZFilter:
    __module__ = "running_filter"

    # running mean/std of observations, saved next to the weights
    def __init__(self, shape):
        self.n, self.mean, self.var = 0, np.zeros(shape), np.ones(shape)

    def __call__(self, x):
        return (x - self.mean) / np.sqrt(self.var)


filter_module.ZFilter = ZFilter
net = nn.Linear(4, 2)
ckpt = io.BytesIO()
torch.save([net.state_dict(), ZFilter((4,))], ckpt)
ckpt.seek(0)
# demo: weights_only=True by default since torch 2.6 refuses the pickled filter object
network_model, filters = torch.load(ckpt, map_location=lambda storage, loc: storage)
net.load_state_dict(network_model)
