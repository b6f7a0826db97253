# report: https://github.com/higgsfield/Imagination-Augmented-Agents/blob/58a47029fa2e1403aaf9e57b7f6836485ed5a195/common/actor_critic.py#L22
# family: removed-api
# expect: 19
# runtime: raises TypeError: missing 1 required positional arguments: "num_samples"
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class PolicyHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(5, 8), nn.ReLU(), nn.Linear(8, 3))

    def act(self, x):
        probs = F.softmax(self.body(x), dim=1)
        return probs.multinomial()  # 0.3 defaulted num_samples to 1


policy = PolicyHead()
action = policy.act(torch.randn(4, 5))
print(action.shape)
