# report: https://github.com/JunhongXu/world-models-pytorch/blob/a00f487885656da6e00beb6306470a5de62cf57f/rollouts.py#L33
# family: removed-api
# expect: 21
# runtime: raises UnpicklingError: Weights only load failed
import io
import numpy as np
import torch

rng = np.random.default_rng(0)
rollouts = {'observations': [rng.random((8, 8, 3))], 'actions': ['0']}
for _ in range(3):
    rollouts['observations'].append(rng.random((8, 8, 3)))
    rollouts['actions'].append(rng.random(3))

buf = io.BytesIO()
torch.save(rollouts, buf)  # dict of numpy observations
buf.seek(0)


def load_rollouts(f):
    return torch.load(f)  # weights_only=True refuses numpy arrays


images = load_rollouts(buf)['observations']
print(len(images))
