# report: https://github.com/jiecaoyu/XNOR-Net-PyTorch/blob/ebccb503b2f9ebc96187a75b6daa63d95b61d110/ImageNet/networks/main.py#L295
# family: no-grad-misuse
# expect: 14
# runtime: asserts the no_grad block wraps only the Variable wrapping, so the validation forward records the autograd graph
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 5), nn.BatchNorm1d(5), nn.ReLU(), nn.Linear(5, 3))
criterion = nn.CrossEntropyLoss()
model.eval()
input, target = torch.randn(4, 6), torch.randint(0, 3, (4,))
with torch.no_grad():
    input_var = Variable(input)
    target_var = Variable(target)
output = model(input_var)
loss = criterion(output, target_var)
assert output.requires_grad and loss.grad_fn is not None  # validation builds the graph anyway
print(loss.item())
