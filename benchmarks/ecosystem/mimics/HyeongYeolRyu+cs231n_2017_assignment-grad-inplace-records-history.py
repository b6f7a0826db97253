# report: https://github.com/HyeongYeolRyu/cs231n_2017_assignment/blob/a7c81be988c2cb278e100b9071a7c50a834ef28c/assignment3/NetworkVisualization-PyTorch.ipynb
# family: graph-kept
# expect: 32
# runtime: asserts img_var.grad picks up an autograd history that grows by two nodes every iteration
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(12, 5))
for p in model.parameters():
    p.requires_grad = False
l2_reg, learning_rate, target_y = 1e-3, 25.0, 2


def history_length(fn):
    n = 0
    while fn is not None:
        n += 1
        nxt = [f for f, _ in fn.next_functions if f is not None and type(f).__name__ != "AccumulateGrad"]
        fn = nxt[0] if nxt else None
    return n


img = torch.randn(1, 3, 2, 2)
img_var = Variable(img, requires_grad=True)
lengths = []
for t in range(4):
    scores = model(img_var)[:, target_y]
    scores.backward()
    grad = img_var.grad
    grad -= 2 * l2_reg * img_var  # in-place under grad mode: .grad now carries a graph
    img_var.data += learning_rate * grad / grad.norm()
    img_var.grad.zero_()
    lengths.append(history_length(img_var.grad.grad_fn))

assert img_var.grad.requires_grad and img_var.grad.grad_fn is not None
assert lengths == [3, 5, 7, 9]
