# report: https://github.com/g6ling/Reinforcement-Learning-Pytorch-Cartpole/blob/ecb7b622cfefe825ac95388cceb6752413d90a2a/parallel/3-ACER/model.py#L111
# family: module-misuse
# expect: 23
# runtime: asserts the ACER average policy model never changes: the soft update rebinds the loop variable instead of writing into the parameter
import torch
import torch.nn as nn

torch.manual_seed(0)
global_model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
global_average_model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
global_average_model.load_state_dict(global_model.state_dict())
optimizer = torch.optim.SGD(global_model.parameters(), lr=0.1)
trust_region_decay = 0.99
before = [p.detach().clone() for p in global_average_model.parameters()]

for _ in range(5):
    loss = global_model(torch.randn(8, 4)).pow(2).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

    for gp, gap in zip(global_model.parameters(), global_average_model.parameters()):
        gap = trust_region_decay * gap + (1 - trust_region_decay) * gp

assert not torch.equal(global_model[0].weight, before[0])
assert all(torch.equal(p, b) for p, b in zip(global_average_model.parameters(), before))
