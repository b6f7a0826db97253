# report: https://github.com/reinforcement-learning-kr/lets-do-irl/blob/2ce7496dddf95e9e9f418817150108bd66d65407/mujoco/gail/main.py#L87
# family: removed-api
# expect: 29
# runtime: raises UnpicklingError: Weights only load failed
import argparse
import io

import numpy as np
import torch
import torch.nn as nn

actor = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 2))
critic = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1))
args = argparse.Namespace(hidden_size=8, gamma=0.99)
running_mean, running_sq = np.zeros(3), np.ones(3)

buf = io.BytesIO()
torch.save({
    "actor": actor.state_dict(),
    "critic": critic.state_dict(),
    "z_filter_n": 10,
    "z_filter_m": running_mean,
    "z_filter_s": running_sq,
    "args": args,
    "score": 120,
}, buf)
buf.seek(0)

ckpt = torch.load(buf)
actor.load_state_dict(ckpt["actor"])
critic.load_state_dict(ckpt["critic"])
running_mean = ckpt["z_filter_m"]
