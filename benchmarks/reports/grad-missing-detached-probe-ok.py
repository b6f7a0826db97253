# report: https://github.com/vturrisi/solo-learn/issues/135
# family: grad-missing
# expect: none
# runtime: runs: only the online linear probe sees detached features; the encoder still trains on its own loss
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
encoder = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 8))
projector = nn.Linear(8, 4)
classifier = nn.Linear(8, 3)
params = [*encoder.parameters(), *projector.parameters(), *classifier.parameters()]
optimizer = torch.optim.SGD(params, lr=0.05)

view1, view2 = torch.randn(6, 10), torch.randn(6, 10)
labels = torch.randint(0, 3, (6,))
feats1, feats2 = encoder(view1), encoder(view2)
z1, z2 = F.normalize(projector(feats1), dim=1), F.normalize(projector(feats2), dim=1)
ssl_loss = (2 - 2 * (z1 * z2).sum(dim=1)).mean()
class_loss = F.cross_entropy(classifier(feats1.detach()), labels)
optimizer.zero_grad()
(ssl_loss + class_loss).backward()
optimizer.step()
assert encoder[0].weight.grad is not None and classifier.weight.grad is not None
