# report: https://github.com/greydanus/baby-a3c/blob/7f9734b96f5f89c27ddf87a642886d9a90883a35/baby-a3c.py#L68
# family: removed-api
# expect: 18
# runtime: raises RuntimeError: API has changed, `state_steps` argument must contain a list of singleton tensors
import torch
import torch.nn as nn

torch.manual_seed(0)


class SharedMemoryAdam(torch.optim.Adam):
    # fills in Adam's state eagerly so the moments can sit in shared memory
    def __init__(self, params, lr=1e-3):
        super().__init__(params, lr=lr)
        for group in self.param_groups:
            for p in group["params"]:
                st = self.state[p]
                st["shared_steps"], st["step"] = torch.zeros(1).share_memory_(), 0
                st["exp_avg"] = p.data.new().resize_as_(p.data).zero_().share_memory_()
                st["exp_avg_sq"] = p.data.new().resize_as_(p.data).zero_().share_memory_()


policy = nn.Linear(4, 2)
opt = SharedMemoryAdam(policy.parameters(), lr=1e-4)
opt.zero_grad()
policy(torch.randn(3, 4)).pow(2).sum().backward()
opt.step()
