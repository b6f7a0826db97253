# report: https://github.com/HyeongYeolRyu/cs231n_2017_assignment/blob/a7c81be988c2cb278e100b9071a7c50a834ef28c/assignment2/.ipynb_checkpoints/PyTorch-checkpoint.ipynb
# family: removed-api
# expect: 19
# runtime: asserts volatile=True no longer turns off autograd: the accuracy pass records a graph
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(12, 8), nn.BatchNorm1d(8), nn.Linear(8, 10))
loader_val = [(torch.randn(4, 3, 2, 2), torch.tensor([1, 2, 3, 4]))]


def check_accuracy(model, loader):
    num_correct, num_samples, recorded = 0, 0, []
    model.eval()
    for x, y in loader:
        x_var = Variable(x.float(), volatile=True)
        scores = model(x_var)
        recorded.append(scores.requires_grad)
        _, preds = scores.data.max(1)
        num_correct += int((preds == y).sum())
        num_samples += preds.size(0)
    return recorded


with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    recorded = check_accuracy(model, loader_val)
assert all(recorded)
