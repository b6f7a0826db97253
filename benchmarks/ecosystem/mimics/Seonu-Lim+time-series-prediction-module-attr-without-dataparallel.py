# report: https://github.com/Seonu-Lim/time-series-prediction/blob/d685fa15351b325ae148aed22147e87811cf5f68/_train.py#L97
# family: module-misuse
# expect: 24
# runtime: raises AttributeError: object has no attribute 'module'
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 2))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
if torch.cuda.device_count() > 1:
    model = nn.DataParallel(model)

x, y = torch.randn(16, 3), torch.randn(16, 2)
for epoch in range(3):
    pred = model(x)
    loss = torch.sqrt(nn.functional.mse_loss(pred, y))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print("trained", loss.item())

ckpt = {
    "model_state_dict": model.module.state_dict(),
    "optimizer_state_dict": optimizer.state_dict(),
}
