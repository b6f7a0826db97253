# report: https://github.com/SherlockLiao/pytorch-beginner/blob/3c48d7eae315d4b01ef36eab711efcd528a87744/06-Natural%20Language%20Process/seq-lstm.py#L62
# family: grad-missing
# expect: 25
# runtime: asserts the character LSTM never gets a gradient: its output is concatenated through .data, so its weights never train
import torch
import torch.nn.functional as F
from torch import nn
from torch.autograd import Variable

torch.manual_seed(0)
char_embedding = nn.Embedding(26, 4)
char_lstm = nn.LSTM(4, 5, batch_first=True)
word_embedding = nn.Embedding(10, 6)
lstm = nn.LSTM(6 + 5, 7, batch_first=True)
linear1 = nn.Linear(7, 3)
params = [*char_embedding.parameters(), *char_lstm.parameters(), *word_embedding.parameters(), *lstm.parameters(), *linear1.parameters()]
optimizer = torch.optim.SGD(params, lr=1e-2)

words = [[0, 3, 6], [1, 4], [2, 5, 7, 9]]
char = torch.FloatTensor()
for each in words:
    _, h = char_lstm(char_embedding(Variable(torch.LongTensor(each)).unsqueeze(0)))
    tempchar = h[0].squeeze(0)
    # .data drops the graph: the char LSTM is cut off from the loss
    char = torch.cat((char, tempchar.cpu().data), 0)
char = Variable(char)
x = torch.cat((word_embedding(torch.LongTensor([1, 2, 3])), char), 1)
x, _ = lstm(x.unsqueeze(0))
y = F.log_softmax(linear1(x.squeeze(0)), dim=1)
loss = F.nll_loss(y, torch.LongTensor([0, 1, 2]))
optimizer.zero_grad()
loss.backward()
optimizer.step()
assert all(p.grad is None for p in char_lstm.parameters())
assert all(p.grad is None for p in char_embedding.parameters())
assert linear1.weight.grad is not None
