# report: https://github.com/jingw2/demand_forecast/blob/1978fef8af5b676f562946b6f58286f688010d4c/extreme_event/uber_extreme_event_forecaster.py#L187
# family: module-misuse
# expect: 29
# runtime: asserts the single test forecast is made with dropout(p=0.5) still active: the model is never put in eval mode, so the reported MAPE depends on the dropout draw
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
lstm = nn.LSTM(4, 16, 1, batch_first=True)
model = nn.ModuleDict({"lstm": lstm, "dropout": nn.Dropout(), "fc": nn.Linear(16, 1)})
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)


def forward(x):
    out, _ = model["lstm"](x)
    return model["fc"](model["dropout"](F.relu(out)))


x, y = torch.randn(6, 7, 4), torch.randn(6, 7, 1)
for _ in range(5):
    loss = F.mse_loss(forward(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

X_test = torch.randn(6, 7, 4)
# the test block follows training directly, with no model.eval()
ypred = forward(X_test).data.numpy()
ypred_again = forward(X_test).data.numpy()
model.eval()
ypred_eval = forward(X_test).data.numpy()
assert model["dropout"].p == 0.5
assert abs(ypred - ypred_again).max() > 1e-3  # two "forecasts" of the same window differ
assert abs(ypred - ypred_eval).max() > 1e-3
