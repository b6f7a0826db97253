# report: https://github.com/mrdbourke/pytorch-deep-learning/blob/baa27b691617461c173ecf3439793cd8cde74e13/video_notebooks/01_pytorch_workflow_video.ipynb
# family: graph-kept
# expect: 28
# runtime: asserts loss_values keeps the live training loss tensors (grad_fn set) of every logged epoch
import torch
from torch import nn

torch.manual_seed(42)
model_0 = nn.Linear(1, 1)
loss_fn = nn.L1Loss()
optimizer = torch.optim.SGD(params=model_0.parameters(), lr=0.01)
X_train = torch.arange(0, 1, 0.05).unsqueeze(1)
y_train = 0.7 * X_train + 0.3
X_test, y_test = X_train[:4] + 1, y_train[:4] + 0.7
epoch_count, loss_values, test_loss_values = [], [], []
for epoch in range(40):
    model_0.train()
    y_pred = model_0(X_train)
    loss = loss_fn(y_pred, y_train)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    model_0.eval()
    with torch.inference_mode():
        test_loss = loss_fn(model_0(X_test), y_test)
    if epoch % 10 == 0:
        epoch_count.append(epoch)
        loss_values.append(loss)
        test_loss_values.append(test_loss)

assert len(loss_values) == 4
assert all(l.grad_fn is not None for l in loss_values)
