# report: https://github.com/MorvanZhou/pytorch-A3C/blob/5ab27abee2c3ac3ca921ac393bfcbda4e0a91745/shared_adam.py#L16
# family: removed-api
# expect: 19
# runtime: raises RuntimeError: API has changed, `state_steps` argument must contain a list of singleton tensors
import torch
import torch.nn as nn

torch.manual_seed(0)


class PreparedAdam(torch.optim.Adam):
    """Adam whose state is filled in up front so it can live in shared memory."""

    def __init__(self, params, lr=1e-3):
        super().__init__(params, lr=lr)
        for group in self.param_groups:
            for p in group["params"]:
                slot = self.state[p]
                slot["step"] = 0
                slot["exp_avg"] = torch.zeros_like(p.data).share_memory_()
                slot["exp_avg_sq"] = torch.zeros_like(p.data).share_memory_()


net = nn.Linear(3, 2)
opt = PreparedAdam(net.parameters())
net(torch.randn(4, 3)).pow(2).mean().backward()
opt.step()
