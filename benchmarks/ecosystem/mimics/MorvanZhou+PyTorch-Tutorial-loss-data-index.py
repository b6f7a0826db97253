# report: https://github.com/MorvanZhou/PyTorch-Tutorial/blob/dbe154a9e56635e51c6b0c2ccea8ae36cfb585a7/tutorial-contents-notebooks/402_RNN.ipynb
# family: removed-api
# expect: 22
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
from torch import nn
from torch.autograd import Variable

torch.manual_seed(1)
rnn = nn.LSTM(input_size=4, hidden_size=6, batch_first=True)
head = nn.Linear(6, 3)
optimizer = torch.optim.Adam(list(rnn.parameters()) + list(head.parameters()), lr=0.01)
loss_func = nn.CrossEntropyLoss()
for step in range(2):
    b_x, b_y = Variable(torch.randn(5, 7, 4)), Variable(torch.randint(0, 3, (5,)))
    r_out, _ = rnn(b_x, None)
    loss = loss_func(head(r_out[:, -1, :]), b_y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    # the loss is 0-dim since torch 0.4: indexing it fails
    print('Epoch: ', 0, '| train loss: %.4f' % loss.data[0])
