# report: https://github.com/TianhongDai/hindsight-experience-replay/blob/fff9994cfcca78421136c0634c4df2e6ff9bd791/demo.py#L21
# family: removed-api
# expect: 25
# runtime: raises UnpicklingError: Weights only load failed
import io
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
actor_network = nn.Sequential(nn.Linear(5, 16), nn.ReLU(), nn.Linear(16, 2), nn.Tanh())
# training saves the observation / goal normalizer statistics (numpy arrays) with the weights
o_mean, o_std = np.zeros(3, np.float32), np.ones(3, np.float32)
g_mean, g_std = np.zeros(2, np.float32), np.ones(2, np.float32)
ckpt = io.BytesIO()
torch.save([o_mean, o_std, g_mean, g_std, actor_network.state_dict()], ckpt)
ckpt.seek(0)

demo_actor = nn.Sequential(nn.Linear(5, 16), nn.ReLU(), nn.Linear(16, 2), nn.Tanh())
# since torch 2.6 torch.load defaults to weights_only=True, which refuses numpy arrays
o_mean, o_std, g_mean, g_std, model = torch.load(ckpt, map_location=lambda storage, loc: storage)
demo_actor.load_state_dict(model)
demo_actor.eval()
inputs = torch.tensor(np.concatenate([np.random.randn(3), np.random.randn(2)]), dtype=torch.float32)
with torch.no_grad():
    print(demo_actor(inputs))
