# report: https://github.com/alexis-jacq/Pytorch-Tutorials/blob/d464a69f2e0e892ceed2a1a2cada12a52c180bc5/Neural_Style.py#L85
# family: removed-api
# expect: 23
# runtime: raises TypeError: retain_variables
import torch
import torch.nn as nn


class ContentLoss(nn.Module):
    def __init__(self, target, weight):
        super().__init__()
        self.target = target.detach() * weight
        self.weight = weight
        self.criterion = nn.MSELoss()

    def forward(self, input):
        self.loss = self.criterion(input * self.weight, self.target)
        self.output = input
        return self.output

    def backward(self, retain_variables=True):
        # the 0.1 keyword: renamed retain_graph in 0.2, then removed
        self.loss.backward(retain_variables=retain_variables)
        return self.loss


torch.manual_seed(0)
conv = nn.Conv2d(3, 4, 3)
content = torch.rand(1, 3, 6, 6)
cl = ContentLoss(conv(content), 1.0)
img = nn.Parameter(torch.rand(1, 3, 6, 6))
optimizer = torch.optim.LBFGS([img])


def closure():
    optimizer.zero_grad()
    cl(conv(img))
    return cl.backward()


optimizer.step(closure)
