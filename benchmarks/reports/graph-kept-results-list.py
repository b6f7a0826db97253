# report: https://github.com/choderalab/pinot/issues/23
# family: graph-kept
# expect: 18
# runtime: asserts the returned results hold the test-time graphs of every run
import torch
import torch.nn as nn

torch.manual_seed(0)


def train_and_test(hidden, x_train, y_train, x_test, y_test):
    net = nn.Sequential(nn.Linear(3, hidden), nn.ReLU(), nn.Linear(hidden, 1))
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-2)
    for _ in range(5):
        optimizer.zero_grad()
        nn.functional.mse_loss(net(x_train), y_train).backward()
        optimizer.step()
    mse = nn.functional.mse_loss(net(x_test), y_test)
    return {"hidden": hidden, "mse": mse}


x, y = torch.randn(40, 3), torch.randn(40, 1)
results = []
for hidden in (4, 8, 16):
    results.append(train_and_test(hidden, x[:30], y[:30], x[30:], y[30:]))
best = min(results, key=lambda r: r["mse"])
assert all(r["mse"].grad_fn is not None for r in results)
