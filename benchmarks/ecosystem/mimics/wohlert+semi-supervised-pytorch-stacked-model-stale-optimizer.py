# report: https://github.com/wohlert/semi-supervised-pytorch/blob/7cde4959468d271552febdcfed5e1cfae9857613/examples/notebooks/Deep%20Generative%20Model.ipynb
# family: optimizer-misuse
# expect: 45 50
# runtime: asserts the new stacked model's classifier never moves: the loop still steps the first model's optimizer and its SVI wrapper
import torch
import torch.nn as nn

torch.manual_seed(0)


class DGM(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(6, 3)
        self.dec = nn.Linear(3, 6)
        self.classifier = nn.Sequential(nn.Linear(6, 2), nn.Softmax(dim=-1))

    def forward(self, x):
        return torch.sigmoid(self.dec(self.enc(x)))

    def classify(self, x):
        return self.classifier(x)


class SVI:
    def __init__(self, model):
        self.model = model

    def __call__(self, x):
        r = self.model(x)
        return torch.sum(x * torch.log(r + 1e-8) + (1 - x) * torch.log(1 - r + 1e-8), dim=-1).mean()


model = DGM()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)  # notebook cell 4
elbo = SVI(model)  # notebook cell 5
first = model

model = DGM()  # notebook cell 9: the stacked model replaces it
start = model.classifier[0].weight.detach().clone()
first_start = first.enc.weight.detach().clone()
for _ in range(3):  # notebook cell 11
    x = torch.rand(4, 6).bernoulli()
    y = torch.eye(2)[torch.tensor([0, 1, 1, 0])]
    L = -elbo(x)
    logits = model.classify(x)
    classication_loss = torch.sum(y * torch.log(logits + 1e-8), dim=1).mean()
    J_alpha = L - 0.1 * classication_loss
    J_alpha.backward()
    optimizer.step()
    optimizer.zero_grad()
assert torch.equal(model.classifier[0].weight, start)
assert model.classifier[0].weight.grad is not None
assert not torch.equal(first.enc.weight, first_start)
