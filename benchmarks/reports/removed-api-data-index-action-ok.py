# report: https://github.com/higgsfield/RL-Adventure/issues/10
# family: removed-api
# expect: none
# runtime: runs: .data[0] indexes the batch dimension of a 1-d tensor, then .item() gives the int action
import torch
import torch.nn as nn


class DQN(nn.Module):
    def __init__(self, num_inputs, num_actions):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(num_inputs, 32), nn.ReLU(), nn.Linear(32, num_actions))

    def act(self, state):
        state = torch.as_tensor(state, dtype=torch.float32).unsqueeze(0)
        q_value = self.layers(state)
        action = q_value.max(1)[1].data[0].item()
        return action


torch.manual_seed(0)
model = DQN(4, 2)
actions = [model.act(torch.randn(4)) for _ in range(3)]
assert all(isinstance(a, int) and a in (0, 1) for a in actions)
