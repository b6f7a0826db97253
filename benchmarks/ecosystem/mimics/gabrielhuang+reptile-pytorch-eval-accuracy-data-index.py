# report: https://github.com/gabrielhuang/reptile-pytorch/blob/4c85a5da189498994b414de7fe7a401125345a62/train_omniglot.py#L154
# family: removed-api
# expect: 23 24
# runtime: raises IndexError: invalid index of a 0-dim tensor
import numpy as np
import torch
from torch import nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(True), nn.Linear(8, 3), nn.LogSoftmax(1))
nll = nn.NLLLoss()


def do_evaluation(net, iterations):
    losses, accuracies = [], []
    net.eval()
    for _ in range(iterations):
        data, labels = torch.randn(5, 4), torch.randint(0, 3, (5,))
        prediction = net(data)
        loss = nll(prediction, labels)
        argmax = prediction.max(1)[1]
        accuracy = (argmax == labels).float().mean()
        losses.append(loss.data[0])
        accuracies.append(accuracy.data[0])
    return np.mean(losses), np.mean(accuracies)


print(do_evaluation(net, 1))
