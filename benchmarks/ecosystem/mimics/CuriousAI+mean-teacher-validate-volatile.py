# report: https://github.com/CuriousAI/mean-teacher/blob/546348ff863c998c26be4339021425df973b4a36/pytorch/main.py#L325
# family: removed-api
# expect: 18
# runtime: asserts volatile=True on the validation input is ignored: every validation batch of the student records an autograd graph
import warnings

import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Linear(16, 4))
class_criterion = nn.CrossEntropyLoss(reduction="sum")
model.eval()
graphs = []
for i in range(3):
    input_var = Variable(torch.randn(5, 8), volatile=True)
    target_var = Variable(torch.randint(0, 4, (5,)), volatile=True)
    output1 = model(input_var)
    class_loss = class_criterion(output1, target_var) / len(target_var)
    graphs.append(class_loss.requires_grad)
    top1 = (output1.argmax(1) == target_var).float().mean().item()
assert all(graphs)
assert class_loss.grad_fn is not None
