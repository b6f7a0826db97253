# report: https://github.com/kekmodel/MPL-pytorch/blob/7dc629702034319eda113aba3b006ba968e8e882/main.py#L377
# family: module-misuse
# expect: 31
# runtime: asserts model.drop = nn.Identity() on the DistributedDataParallel wrapper only adds an attribute to the wrapper: the wrapped network keeps its dense dropout during finetuning
import os
import tempfile

import torch
import torch.distributed as dist
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Linear(6, 16)
        self.drop = nn.Dropout(0.5)
        self.fc = nn.Linear(16, 3)

    def forward(self, x):
        return self.fc(self.drop(torch.relu(self.body(x))))


init_file = os.path.join(tempfile.mkdtemp(), "pg")
dist.init_process_group("gloo", init_method="file://" + init_file, rank=0, world_size=1)
try:
    torch.manual_seed(0)
    student = nn.parallel.DistributedDataParallel(Net(), find_unused_parameters=True)

    def finetune(model):
        model.drop = nn.Identity()
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
        model.train()
        x, y = torch.randn(10, 6), torch.randint(0, 3, (10,))
        outs = [model(x).detach() for _ in range(2)]
        loss = nn.functional.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        return outs

    outs = finetune(student)
    assert isinstance(student.module.drop, nn.Dropout)
    assert not torch.allclose(outs[0], outs[1])
finally:
    dist.destroy_process_group()
