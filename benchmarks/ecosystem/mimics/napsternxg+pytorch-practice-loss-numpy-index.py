# report: https://github.com/napsternxg/pytorch-practice/blob/a48c6aae19c57458e94492e637a38363154f3374/Pytorch%20Uncertainity.ipynb
# family: numpy-conversion
# expect: 30
# runtime: raises IndexError: too many indices for array
import numpy as np
import torch
from torch.autograd import Variable

torch.manual_seed(0)
X_obs = np.random.rand(20).astype("float32")
y_obs = np.sin(X_obs * 6).astype("float32")
model = torch.nn.Sequential(torch.nn.Linear(1, 8), torch.nn.Tanh(), torch.nn.Dropout(0.1), torch.nn.Linear(8, 1))
criterion = torch.nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), weight_decay=1e-6)


def fit_model(model, optimizer):
    y = Variable(torch.Tensor(y_obs[:, np.newaxis]), requires_grad=False)
    y_pred = model(torch.Tensor(X_obs[:, np.newaxis]))
    optimizer.zero_grad()
    loss = criterion(y_pred, y)
    loss.backward()
    optimizer.step()
    return loss


losses = []
for i in range(3):
    loss = fit_model(model, optimizer)
    losses.append(loss.data.numpy()[0])  # the numpy array is 0-dimensional
