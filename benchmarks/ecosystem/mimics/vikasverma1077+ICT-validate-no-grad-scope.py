# report: https://github.com/vikasverma1077/ICT/blob/7be726418925b7c593485f1467673ab75efea714/main.py#L744
# family: no-grad-misuse
# expect: 19
# runtime: asserts torch.no_grad() wraps only the creation of the input Variable; the model forward in validate runs outside it and records a graph for every batch
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(10, 32), nn.BatchNorm1d(32), nn.LeakyReLU(0.1), nn.Linear(32, 5))
class_criterion = nn.CrossEntropyLoss(reduction="sum", ignore_index=-1)


def validate(batches):
    model.eval()
    recorded = []
    top1 = 0.0
    for inp, target in batches:
        with torch.no_grad():
            input_var = Variable(inp)
        with torch.no_grad():
            target_var = Variable(target)
        output1 = model(input_var)
        class_loss = class_criterion(output1, target_var) / len(target_var)
        recorded.append(output1.grad_fn is not None and class_loss.requires_grad)
        top1 += (output1.data.argmax(1) == target_var).float().mean().item()
    return recorded, top1 / len(batches)


batches = [(torch.randn(8, 10), torch.randint(0, 5, (8,))) for _ in range(3)]
recorded, acc = validate(batches)
assert all(recorded)
