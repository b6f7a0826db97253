# report: https://github.com/DSKSD/DeepNLP-models-Pytorch/blob/7fec64d72615933e8f4ea499c2dbaa42508f4017/notebooks/06.RNN-Language-Model.ipynb
# family: removed-api
# expect: 21
# runtime: raises IndexError: invalid index of a 0-dim tensor
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
embed, rnn, linear = nn.Embedding(20, 8), nn.LSTM(8, 16, 1, batch_first=True), nn.Linear(16, 20)
loss_function = nn.CrossEntropyLoss()
test_data = torch.randint(0, 20, (2, 13))
total_loss = 0
hidden = (torch.zeros(1, 2, 16), torch.zeros(1, 2, 16))
for i in range(0, test_data.size(1) - 4, 4):
    inputs, targets = test_data[:, i:i + 4], test_data[:, i + 1:i + 5].contiguous()
    hidden = tuple(h.detach() for h in hidden)
    out, hidden = rnn(embed(inputs), hidden)
    preds = linear(out.contiguous().view(-1, 16))
    total_loss += inputs.size(1) * loss_function(preds, targets.view(-1)).data
total_loss = total_loss[0] / test_data.size(1)
print("Test Perplexity : %5.2f" % (np.exp(total_loss)))
