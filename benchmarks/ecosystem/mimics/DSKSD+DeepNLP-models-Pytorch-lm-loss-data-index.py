# report: https://github.com/DSKSD/DeepNLP-models-Pytorch/blob/7fec64d72615933e8f4ea499c2dbaa42508f4017/notebooks/06.RNN-Language-Model.ipynb
# family: removed-api
# expect: 23
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
embed, rnn, linear = nn.Embedding(20, 8), nn.LSTM(8, 16, 1, batch_first=True), nn.Linear(16, 20)
params = list(embed.parameters()) + list(rnn.parameters()) + list(linear.parameters())
optimizer = torch.optim.Adam(params, lr=0.01)
loss_function = nn.CrossEntropyLoss()
data = torch.randint(0, 20, (4, 13))
hidden = (torch.zeros(1, 4, 16), torch.zeros(1, 4, 16))
losses = []
for i in range(0, data.size(1) - 4, 4):
    inputs, targets = data[:, i:i + 4], data[:, i + 1:i + 5].contiguous()
    hidden = tuple(h.detach() for h in hidden)
    optimizer.zero_grad()
    out, hidden = rnn(embed(inputs), hidden)
    preds = linear(out.contiguous().view(-1, 16))
    loss = loss_function(preds, targets.view(-1))
    losses.append(loss.data[0])
    loss.backward()
    optimizer.step()
