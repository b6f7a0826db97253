# report: https://github.com/yandexdataschool/Practical_RL/blob/6f7fa8bc521af3d6bb47833c4670f44740f26aa6/week04_%5Brecap%5D_deep_learning/seminar_pytorch.ipynb
# family: numpy-conversion
# expect: 22,23
# runtime: raises RuntimeError: Can't call numpy() on Tensor that requires grad
import torch

torch.manual_seed(0)
x = torch.rand(20) * 3
y = 2 * x + 1 + 0.1 * torch.randn(20)
w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
for i in range(10):
    y_pred = w * x + b
    loss = torch.mean((y_pred - y) ** 2)
    loss.backward()
    w.data -= 0.05 * w.grad.data
    b.data -= 0.05 * b.grad.data
    w.grad.data.zero_()
    b.grad.data.zero_()
    if (i + 1) % 5 == 0:
        points = (x.numpy(),
                  y_pred.numpy())
        print("loss = ", loss.numpy())
