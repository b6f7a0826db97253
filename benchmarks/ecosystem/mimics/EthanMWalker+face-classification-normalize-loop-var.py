# report: https://github.com/EthanMWalker/face-classification/blob/fdf45a3ddfe74e535a303625b885b192c3c4052e/SimCLR/Loss.py#L106
# family: module-misuse
# expect: 16
# runtime: asserts rebinding the loop variable to F.normalize(param) leaves the A-Softmax class weights unnormalized, so prods are not cosines
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
W = nn.Linear(8, 4, bias=False)
with torch.no_grad():
    W.weight.mul_(5.0)
before = W.weight.detach().clone()

for param in W.parameters():
    param = F.normalize(param, p=2, dim=1)

x = F.normalize(torch.randn(6, 8), p=2, dim=1)
prods = W(x)
assert torch.equal(before, W.weight.detach())
assert not torch.allclose(W.weight.norm(dim=1), torch.ones(4))
assert prods.abs().max() > 1  # "cos_theta" outside [-1, 1], later clamped
