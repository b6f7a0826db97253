# report: https://github.com/HuangXiaoquan127/CS231n-Spring-2018/blob/4bdaf1d8c3fdf71c7c8047678ce58619a0e64195/assignment3/NetworkVisualization-PyTorch.ipynb
# family: grad-missing
# expect: 20
# runtime: asserts the L2 penalty written on img.data contributes nothing to img.grad: the class-visualization ascent ignores its regularizer
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(3 * 4 * 4, 10))
for param in model.parameters():
    param.requires_grad = False
model.eval()
target_y, l2_reg, learning_rate = 3, 1e-1, 25

img = torch.randn(1, 3, 4, 4).requires_grad_()
score_only = torch.autograd.grad(model(img)[0, target_y], img)[0]
with_penalty = torch.autograd.grad(model(img)[0, target_y] - l2_reg * (img * img).sum(), img)[0]

scores = model(img)
loss = scores[0, target_y] - l2_reg * (img.data * img.data).sum()
loss.backward()

assert torch.allclose(img.grad, score_only)
assert not torch.allclose(img.grad, with_penalty)
img.data += learning_rate * img.grad.data / img.grad.data.norm()
img.grad.zero_()
