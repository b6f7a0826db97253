# report: https://github.com/transedward/pytorch-dqn/blob/1ffda6f3724b3bb37c3195b09b651b1682d4d4fd/dqn_learn.py#L158
# family: removed-api
# expect: 22
# runtime: raises IndexError: too many indices for tensor of dimension 1
import random
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
num_actions = 2
Q = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, num_actions))


def select_epilson_greedy_action(model, obs, eps_threshold):
    if random.random() > eps_threshold:
        obs = torch.from_numpy(obs).float().unsqueeze(0) / 255.0
        return model(obs).data.max(1)[1].cpu()  # max(1) no longer keeps the dim: shape (1,)
    return torch.IntTensor([[random.randrange(num_actions)]])


action = select_epilson_greedy_action(Q, np.random.randint(0, 255, 4).astype(np.uint8), -1.0)[0, 0]
