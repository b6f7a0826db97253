# report: https://github.com/uvipen/Super-mario-bros-A3C-pytorch/blob/08ca511b82d2d8acbe93b9568136f05064ec7d0b/src/optimizer.py#L13
# family: removed-api
# expect: 17
# runtime: raises RuntimeError: API has changed, `state_steps` argument must contain a list of singleton tensors
import torch
import torch.nn as nn

torch.manual_seed(0)


class SharedStateAdam(torch.optim.Adam):
    def __init__(self, params, lr):
        super().__init__(params, lr=lr)
        for group in self.param_groups:
            for p in group["params"]:
                state = self.state[p]
                state["step"] = 0
                state["exp_avg"] = torch.zeros_like(p.data)
                state["exp_avg_sq"] = torch.zeros_like(p.data)
                state["exp_avg"].share_memory_()
                state["exp_avg_sq"].share_memory_()


global_model = nn.Linear(6, 3)
global_model.share_memory()
optimizer = SharedStateAdam(global_model.parameters(), lr=1e-4)
optimizer.zero_grad()
global_model(torch.randn(2, 6)).sum().backward()
optimizer.step()
