# report: https://github.com/wabyking/TextClassificationBenchmark/blob/a73119c0cb8e83d49c2ec429733e50c8e3659098/utils.py#L90
# family: optimizer-misuse
# expect: 13
# runtime: raises TypeError: 'list' object is not callable
import torch
import torch.nn as nn

model = nn.Sequential(nn.Embedding(30, 8), nn.Flatten(), nn.Linear(8 * 6, 3))


def get_optimizer(params, name="adam", lr=1):
    name = name.lower().strip()
    if name == "adadelta":
        optimizer = torch.optim.Adadelta(params, lr=1.0 * lr, rho=0.9, eps=1e-06, weight_decay=0).param_groups()
    else:
        optimizer = torch.optim.Adam(params, lr=0.1 * lr)
    return optimizer


optimizer = get_optimizer([p for p in model.parameters() if p.requires_grad], name="adadelta")
loss = nn.functional.cross_entropy(model(torch.randint(0, 30, (4, 6))), torch.tensor([0, 1, 2, 0]))
loss.backward()
optimizer.step()
