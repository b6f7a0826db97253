# report: https://github.com/pytorch/examples/pull/1172
# family: removed-api
# expect: 20 24
# runtime: raises TypeError: unsupported operand type(s) for +=: 'NoneType' and 'Tensor'
# twin: removed-api-zero-grad-none-accumulate-ok.py
import torch
import torch.nn as nn


class BatchUpdateParameterServer:
    def __init__(self, batch_update_size):
        self.model = nn.Linear(4, 2)
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=0.01, momentum=0.9)
        self.batch_update_size, self.curr = batch_update_size, 0
        for p in self.model.parameters():
            p.grad = torch.zeros_like(p)

    def update_and_fetch_model(self, grads):
        for p, g in zip(self.model.parameters(), grads):
            p.grad += g
        self.curr += 1
        if self.curr >= self.batch_update_size:
            self.optimizer.step()
            self.optimizer.zero_grad()
            self.curr = 0
        return self.model


torch.manual_seed(0)
ps = BatchUpdateParameterServer(batch_update_size=2)
for _ in range(3):
    worker_grads = [torch.randn_like(p) for p in ps.model.parameters()]
    ps.update_and_fetch_model(worker_grads)
