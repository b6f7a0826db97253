# report: https://github.com/GunhoChoi/PyTorch-FastCampus/blob/1e9ba63e9ccffa28637f9c441d6d5faf35696268/11_Others/Grad-CAM-Pytorch/CAM_MNIST.ipynb
# family: removed-api
# expect: 15
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.ReLU(), nn.Flatten(), nn.Linear(2 * 4 * 4, 10))
x = torch.randn(3, 1, 6, 6)
y_ = torch.tensor([1, 4, 7])
output = model.forward(x)
for j in range(3):
    model.zero_grad()
    lab = y_[j].cpu().data[0]
    output[j, lab].backward(retain_graph=True)
