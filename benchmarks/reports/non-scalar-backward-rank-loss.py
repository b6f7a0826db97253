# report: https://github.com/dillondavis/RecurrentAttentionConvolutionalNeuralNetwork/issues/4
# family: non-scalar-backward
# expect: 15 29
# runtime: raises RuntimeError: grad can be implicitly created only for scalar outputs
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


def rank_loss(scores1, scores2, target, margin=0.05):
    ps1 = F.softmax(scores1, dim=1).gather(1, target.view(-1, 1))
    ps2 = F.softmax(scores2, dim=1).gather(1, target.view(-1, 1))
    return torch.clamp(ps1 - ps2 + margin, min=0).squeeze(1)


scale1 = nn.Linear(10, 5)
scale2 = nn.Linear(10, 5)
params = list(scale1.parameters()) + list(scale2.parameters())
optimizer = torch.optim.SGD(params, lr=0.01)
batch_size = 8
x = torch.randn(batch_size, 10)
label = torch.randint(0, 5, (batch_size,))

scores = [scale1(x), scale2(x)]
optimizer.zero_grad()
for i in range(1, len(scores)):
    rank_loss(scores[i - 1], scores[i], label).backward(retain_graph=True)
optimizer.step()
