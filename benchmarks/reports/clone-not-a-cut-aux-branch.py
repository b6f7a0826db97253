# report: https://github.com/pytorch/pytorch/issues/2601
# family: clone-not-a-cut
# expect: 18
# runtime: asserts the auxiliary head's loss reaches the backbone through the clone
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
backbone = nn.Sequential(nn.Linear(10, 16), nn.ReLU())
main_head = nn.Linear(16, 3)
probe = nn.Linear(16, 2)  # a linear probe that must not shape the features
optimizer = torch.optim.SGD([*backbone.parameters(), *main_head.parameters(), *probe.parameters()], lr=0.1)

x, y_main, y_probe = torch.randn(6, 10), torch.randint(0, 3, (6,)), torch.randint(0, 2, (6,))
features = backbone(x)
main_loss = F.cross_entropy(main_head(features), y_main)
probe_loss = F.cross_entropy(probe(features.clone()), y_probe)
main_only, = torch.autograd.grad(main_loss, backbone[0].weight, retain_graph=True)
optimizer.zero_grad()
(main_loss + probe_loss).backward()
optimizer.step()
assert not torch.allclose(backbone[0].weight.grad, main_only)
