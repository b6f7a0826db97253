# report: https://github.com/GunhoChoi/PyTorch-FastCampus/blob/1e9ba63e9ccffa28637f9c441d6d5faf35696268/02_Regression%26NN/0_Linear_code/1_linear_regression.ipynb
# family: removed-api
# expect: 21
# runtime: raises IndexError: too many indices for array
import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)
x = torch.rand(32, 1) * 20 - 10
y_noise = 2 * x + 3 + torch.randn(32, 1)
model = nn.Linear(1, 1)
loss_func = nn.MSELoss()
optimizer = optim.SGD(model.parameters(), lr=0.01)
loss_arr = []
for i in range(3):
    optimizer.zero_grad()
    loss = loss_func(model(x), y_noise)  # 0-dim since torch 0.4
    loss.backward()
    optimizer.step()
    loss_arr.append(loss.data.numpy()[0])
