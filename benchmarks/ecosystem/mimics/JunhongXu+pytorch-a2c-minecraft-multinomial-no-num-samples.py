# report: https://github.com/JunhongXu/pytorch-a2c-minecraft/blob/b30df2c909f1ae153f1f25186708afd4333574bb/agents/policies.py#L93
# family: removed-api
# expect: 20
# runtime: raises TypeError: missing 1 required positional arguments
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.action = nn.Linear(8, 4)
        self.value = nn.Linear(8, 1)

    def act(self, x):
        actions = F.softmax(self.action(x), dim=1)
        actions = actions.multinomial().data
        return actions.cpu().numpy(), self.value(x).data.cpu().numpy()


policy = MLP()
step_action, step_value = policy.act(torch.randn(16, 8))
