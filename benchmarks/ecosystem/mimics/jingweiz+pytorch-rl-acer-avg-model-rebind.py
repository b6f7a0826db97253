# report: https://github.com/jingweiz/pytorch-rl/blob/20b3b738ca400b1916197f27a91367878b09803c/core/agents/acer_single_process.py#L212
# family: module-misuse
# expect: 22
# runtime: asserts the shared average policy never moves: the update rebinds the loop variable instead of writing the parameter
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(3, 2)
avg_model = nn.Linear(3, 2)
avg_model.load_state_dict(model.state_dict())
for param in avg_model.parameters():
    param.requires_grad = False
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
start = [p.clone() for p in avg_model.parameters()]
avg_model_decay = 0.99
for _ in range(3):
    optimizer.zero_grad()
    model(torch.randn(4, 3)).pow(2).mean().backward()
    optimizer.step()
    for global_param, global_avg_param in zip(model.parameters(), avg_model.parameters()):
        global_avg_param = avg_model_decay * global_avg_param + \
                           (1 - avg_model_decay) * global_param
assert not torch.equal(model.weight, start[0])
assert all(torch.equal(p, s) for p, s in zip(avg_model.parameters(), start))
