# report: https://github.com/PaddlePaddle/PARL/pull/694
# family: numpy-conversion
# expect: none
# runtime: runs: the Q-values come from a forward under torch.no_grad, so they do not require grad
import numpy as np
import torch
import torch.nn as nn


class Agent:
    def __init__(self, obs_dim, act_dim):
        self.q_net = nn.Sequential(nn.Linear(obs_dim, 16), nn.ReLU(), nn.Linear(16, act_dim))

    @torch.no_grad()
    def predict(self, obs):
        return self.q_net(obs)

    def act(self, obs):
        obs = torch.tensor(np.expand_dims(obs, axis=0), dtype=torch.float)
        pred_q = self.predict(obs).cpu().numpy().squeeze()
        return int(np.argmax(pred_q))


torch.manual_seed(0)
agent = Agent(obs_dim=4, act_dim=3)
actions = [agent.act(np.random.RandomState(i).randn(4)) for i in range(3)]
assert all(0 <= a < 3 for a in actions)
