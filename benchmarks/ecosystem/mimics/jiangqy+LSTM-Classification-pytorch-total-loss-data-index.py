# report: https://github.com/jiangqy/LSTM-Classification-pytorch/blob/d4e5440f78fc0a3317c1137d070be1772fd01f16/main.py#L112
# family: removed-api
# expect: 41
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)


class LSTMClassifier(nn.Module):
    def __init__(self, vocab, emb, hid, labels, batch):
        super().__init__()
        self.hid, self.batch_size = hid, batch
        self.word_embeddings = nn.Embedding(vocab, emb)
        self.lstm = nn.LSTM(emb, hid)
        self.hidden2label = nn.Linear(hid, labels)

    def init_hidden(self):
        return (Variable(torch.zeros(1, self.batch_size, self.hid)), Variable(torch.zeros(1, self.batch_size, self.hid)))

    def forward(self, sentence):
        out, self.hidden = self.lstm(self.word_embeddings(sentence), self.hidden)
        return self.hidden2label(out[-1])


model = LSTMClassifier(40, 8, 6, 4, 5)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
loss_function = nn.CrossEntropyLoss()
total_loss = 0.0
for inputs, labels in [(torch.randint(0, 40, (5, 7)), torch.randint(0, 4, (5, 1)))]:
    labels = torch.squeeze(labels)
    model.zero_grad()
    model.batch_size = len(labels)
    model.hidden = model.init_hidden()
    output = model(Variable(inputs).t())
    loss = loss_function(output, Variable(labels))
    loss.backward()
    optimizer.step()
    total_loss += loss.data[0]  # loss is 0-dim
print(total_loss)
