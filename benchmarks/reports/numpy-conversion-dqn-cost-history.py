# report: https://github.com/ClownW/Reinforcement-learning-with-PyTorch/issues/3
# family: numpy-conversion
# expect: 22 25
# runtime: raises RuntimeError: Can't call numpy() on Tensor that requires grad
import numpy as np
import torch
import torch.nn as nn


class DeepQNetwork:
    def __init__(self, n_features, n_actions):
        self.eval_net = nn.Sequential(nn.Linear(n_features, 10), nn.ReLU(), nn.Linear(10, n_actions))
        self.optimizer = torch.optim.RMSprop(self.eval_net.parameters(), lr=0.01)
        self.cost_his = []

    def learn(self, s, a, q_target):
        q_eval = self.eval_net(s).gather(1, a)
        loss = nn.functional.mse_loss(q_eval, q_target)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        self.cost_his.append(loss)

    def cost_curve(self):
        return np.arange(len(self.cost_his)), np.array(self.cost_his)


torch.manual_seed(0)
dqn = DeepQNetwork(n_features=2, n_actions=4)
for step in range(3):
    dqn.learn(torch.randn(8, 2), torch.randint(0, 4, (8, 1)), torch.randn(8, 1))
steps, costs = dqn.cost_curve()
