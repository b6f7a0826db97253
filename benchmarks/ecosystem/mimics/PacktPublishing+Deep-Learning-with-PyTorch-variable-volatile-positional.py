# report: https://github.com/PacktPublishing/Deep-Learning-with-PyTorch/blob/7d2f9a92dafb5973070276db2c5453c1247e71e0/Chapter05/Understanding%20Convolutions%20and%20building%20an%20MNIST%20image%20classifier.ipynb
# family: removed-api
# expect: 22
# runtime: asserts Variable(data, volatile) passes volatile as requires_grad: the validation batches record the autograd graph instead of none
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 4), nn.LogSoftmax(dim=1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
loader = [(torch.randn(5, 6), torch.randint(0, 4, (5,)))]
graphs = []


def fit(model, data_loader, phase="training", volatile=False):
    if phase == "validation":
        model.eval()
        volatile = True
    for data, target in data_loader:
        data, target = Variable(data, volatile), Variable(target)
        output = model(data)
        graphs.append((data.requires_grad, output.grad_fn is not None))
        loss = F.nll_loss(output, target)
        if phase == "training":
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


fit(model, loader, phase="validation")
assert graphs == [(True, True)]
