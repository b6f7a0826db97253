# report: https://github.com/kuc2477/pytorch-deep-generative-replay/blob/b2d82e45b69876ddab0f7ce38737888e17e377f2/utils.py#L78
# family: module-misuse
# expect: 22
# runtime: asserts validation runs the BatchNorm solver in training mode, so test batches overwrite its running statistics and precision uses batch stats
import torch
import torch.nn as nn

torch.manual_seed(0)
solver = nn.Sequential(nn.Linear(8, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Linear(16, 3))
opt = torch.optim.Adam(solver.parameters(), lr=1e-3)
solver.train()
for _ in range(5):
    x, y = torch.randn(32, 8), torch.randint(0, 3, (32,))
    opt.zero_grad()
    nn.functional.cross_entropy(solver(x), y).backward()
    opt.step()


def validate(model, batches):
    total_correct = total_tested = 0
    for data, labels in batches:
        scores = model(data)  # model never put in eval mode
        total_correct += (scores.argmax(1) == labels).sum().item()
        total_tested += len(data)
    return total_correct / total_tested


before = solver[1].running_mean.clone()
test = [(torch.randn(16, 8) * 5 + 3, torch.randint(0, 3, (16,))) for _ in range(3)]
validate(solver, test)
print("running_mean changed by validation:", not torch.equal(before, solver[1].running_mean))
assert not torch.equal(before, solver[1].running_mean)
