# report: https://github.com/jojonki/BiDAF/blob/16f469c0719bf30c42695a1b4df6bbd84db8ea49/ema.py#L15
# family: module-misuse
# expect: 20
# runtime: asserts the "EMA" (mu * new + (1 - mu) * shadow, written back into the parameters) follows the raw weights instead of averaging them
import torch
import torch.nn as nn

torch.manual_seed(0)
mu = 0.999
model = nn.Sequential(nn.Linear(5, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.5)
shadow = {n: p.data.clone() for n, p in model.named_parameters()}
proper = {n: p.data.clone() for n, p in model.named_parameters()}
for step in range(20):
    opt.zero_grad()
    model(torch.randn(8, 5)).pow(2).mean().backward()
    opt.step()
    for name, p in model.named_parameters():
        raw = p.data.clone()
        new_average = mu * p.data + (1.0 - mu) * shadow[name]
        shadow[name] = new_average.clone()
        p.data = new_average
        proper[name] = mu * proper[name] + (1.0 - mu) * raw
w = model[0].weight.data
gap_to_proper = (shadow['0.weight'] - proper['0.weight']).abs().max().item()
# the decay-0.999 average should barely move in 20 steps; the repo's one moved with training
assert gap_to_proper > 0.05, gap_to_proper
assert torch.equal(w, shadow['0.weight'])
