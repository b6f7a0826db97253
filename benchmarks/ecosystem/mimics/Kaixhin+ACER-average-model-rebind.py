# report: https://github.com/Kaixhin/ACER/blob/c0eae34d96db3b12d522c4c977a41e6a04103dc8/train.py#L58
# family: module-misuse
# expect: 22
# runtime: asserts the average policy network never moves: the Polyak update rebinds the loop variable instead of writing the parameter
import torch
import torch.nn as nn

torch.manual_seed(0)
shared_model = nn.Linear(3, 2)
shared_average_model = nn.Linear(3, 2)
shared_average_model.load_state_dict(shared_model.state_dict())
for param in shared_average_model.parameters():
    param.requires_grad = False
optimiser = torch.optim.SGD(shared_model.parameters(), lr=0.5)
start = [p.clone() for p in shared_average_model.parameters()]
decay = 0.99
for _ in range(3):
    optimiser.zero_grad()
    shared_model(torch.randn(4, 3)).pow(2).mean().backward()
    optimiser.step()
    for shared_param, shared_average_param in zip(shared_model.parameters(), shared_average_model.parameters()):
        shared_average_param = decay * shared_average_param + (1 - decay) * shared_param
assert not torch.equal(shared_model.weight, start[0])
assert all(torch.equal(p, s) for p, s in zip(shared_average_model.parameters(), start))
