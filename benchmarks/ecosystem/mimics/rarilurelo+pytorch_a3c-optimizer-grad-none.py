# report: https://github.com/rarilurelo/pytorch_a3c/blob/83c7534d953590f33367c56fe0e1d599c91a7468/async_rmsprop.py#L21
# family: removed-api
# expect: 20,28
# runtime: raises AttributeError: 'NoneType' object has no attribute 'data'
import torch
import torch.nn as nn
from torch.optim import Optimizer


class SharedRMS(Optimizer):
    def __init__(self, shared_params, worker_params, lr=1e-3):
        super().__init__(shared_params, dict(lr=lr, alpha=0.99, eps=0.1))
        self.worker = [{"params": list(worker_params)}]
        self.init_errors = []
        for wg, g in zip(self.worker, self.param_groups):
            for wp, p in zip(wg["params"], g["params"]):
                st = self.state[id(p)]
                try:
                    # parameters have no .grad before the first backward
                    gr = wp.grad.data
                    st["sq"] = gr.new().resize_as_(gr).zero_()
                except AttributeError as e:
                    self.init_errors.append(e)

    def zero_grad(self):
        for wg in self.worker:
            for wp in wg["params"]:
                wp.grad.data.zero_()


shared, worker = nn.Linear(4, 2), nn.Linear(4, 2)
opt = SharedRMS(shared.parameters(), worker.parameters())
assert len(opt.init_errors) == 2, opt.init_errors
opt.zero_grad()  # first iteration: zero_grad before any backward
