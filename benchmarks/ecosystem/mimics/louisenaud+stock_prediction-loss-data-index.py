# report: https://github.com/louisenaud/stock_prediction/blob/2d35813c09e733acad33dc62972cd90a36d107c4/src/run.py#L95
# family: removed-api
# expect: 25
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
T, batch_size, n_stocks = 10, 4, 3
rnn = nn.LSTM(input_size=n_stocks, hidden_size=16, num_layers=2, dropout=0.2)
head = nn.Linear(16, n_stocks)
params = list(rnn.parameters()) + list(head.parameters())
optimizer = torch.optim.RMSprop(params, lr=1e-3)
criterion = nn.MSELoss()

data = torch.randn(T, batch_size, n_stocks)
target = torch.randn(batch_size, n_stocks).unsqueeze_(0)
loss_ = 0.0
for epoch in range(2):
    optimizer.zero_grad()
    outputs, _ = rnn(data)
    output = head(outputs[-1])
    loss = criterion(output, target)
    loss_ += loss.data[0]
    loss.backward()
    optimizer.step()
print(loss_)
