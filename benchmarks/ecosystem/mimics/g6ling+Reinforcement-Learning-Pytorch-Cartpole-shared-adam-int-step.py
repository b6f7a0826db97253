# report: https://github.com/g6ling/Reinforcement-Learning-Pytorch-Cartpole/blob/ecb7b622cfefe825ac95388cceb6752413d90a2a/parallel/2-A3C/shared_adam.py#L8
# family: removed-api
# expect: 17
# runtime: raises RuntimeError: API has changed, `state_steps` argument must contain a list of singleton tensors
import torch
import torch.nn as nn

torch.manual_seed(0)


class SharedAdamLike(torch.optim.Adam):
    def __init__(self, params, lr=1e-3):
        super().__init__(params, lr=lr)
        for group in self.param_groups:
            for p in group["params"]:
                st = self.state[p]
                st["shared_steps"], st["step"] = torch.zeros(1).share_memory_(), 0
                st["exp_avg"] = p.data.new().resize_as_(p.data).zero_().share_memory_()
                st["exp_avg_sq"] = p.data.new().resize_as_(p.data).zero_().share_memory_()


model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
opt = SharedAdamLike(model.parameters(), lr=1e-3)
loss = model(torch.randn(5, 4)).pow(2).mean()
opt.zero_grad()
loss.backward()
opt.step()
