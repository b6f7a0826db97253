# report: https://github.com/louisenaud/stock_prediction/blob/2d35813c09e733acad33dc62972cd90a36d107c4/src/run.py#L164
# family: module-misuse
# expect: 27,28
# runtime: asserts the test forecasts are made with the model still in training mode, so the inter-layer LSTM dropout makes them random and different from eval-mode forecasts
import torch
import torch.nn as nn

torch.manual_seed(0)
T, n_stocks = 10, 3
rnn = nn.LSTM(input_size=n_stocks, hidden_size=16, num_layers=2, dropout=0.2)
head = nn.Linear(16, n_stocks)
optimizer = torch.optim.RMSprop(list(rnn.parameters()) + list(head.parameters()), lr=1e-3)


def model(x):
    outputs, _ = rnn(x)
    return head(outputs[-1])


for step in range(3):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(torch.randn(T, 8, n_stocks)), torch.randn(8, n_stocks))
    loss.backward()
    optimizer.step()

test_data = torch.randn(T, 4, n_stocks)
first = model(test_data).detach()
second = model(test_data).detach()
rnn.eval()
clean = model(test_data).detach()
assert not torch.allclose(first, second)
assert not torch.allclose(first, clean)
print("test forecasts are noisy and differ from eval-mode forecasts")
