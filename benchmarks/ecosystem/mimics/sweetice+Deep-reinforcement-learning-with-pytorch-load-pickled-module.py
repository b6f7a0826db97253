# report: https://github.com/sweetice/Deep-reinforcement-learning-with-pytorch/blob/7b9fac7e5e40ffdc6f7ccb8b0a81e7841370a996/Char02%20Policy%20Gradient/Run_Model.py#L52
# family: removed-api
# expect: 15
# runtime: raises UnpicklingError: Weights only load failed
import io

import torch
import torch.nn as nn

policy = nn.Sequential(nn.Linear(2, 20), nn.ReLU(), nn.Linear(20, 3), nn.Softmax(dim=1))
buffer = io.BytesIO()
torch.save(policy, buffer)  # the training script pickles the whole module, not its state_dict
buffer.seek(0)
# weights_only=True is the default since torch 2.6: a pickled module is refused
policy = torch.load(buffer)
probs = policy(torch.randn(1, 2))
